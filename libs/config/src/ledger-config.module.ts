import { ConfigModule, registerAs, type ConfigType } from '@nestjs/config';
import { loadLedgerConfig } from './ledger-config';

/** The validated configuration as one namespace, `ledger`, built once at start. */
export const ledgerConfig = registerAs('ledger', () => loadLedgerConfig(process.env));
export type LedgerConfigType = ConfigType<typeof ledgerConfig>;

/** Validated, typed configuration for every app, read from the process environment only. */
export const LedgerConfigModule = ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [ledgerConfig] });
