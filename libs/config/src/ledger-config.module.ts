import { Inject } from '@nestjs/common';
import { ConfigModule, registerAs, type ConfigType } from '@nestjs/config';
import { loadLedgerConfig } from './ledger-config';

/** The validated configuration as one namespace, `ledger`, built once at start. */
export const ledgerConfig = registerAs('ledger', () => loadLedgerConfig(process.env));
export type LedgerConfigType = ConfigType<typeof ledgerConfig>;
/** Injects the typed configuration: `@InjectLedgerConfig() config: LedgerConfigType`. */
export const InjectLedgerConfig = () => Inject(ledgerConfig.KEY);

/** Validated, typed configuration for every app, read from the process environment only. */
export const LedgerConfigModule = ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [ledgerConfig] });
