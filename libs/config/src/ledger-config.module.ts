import { ConfigModule } from '@nestjs/config';
import { loadLedgerConfig } from './ledger-config';

/**
 * Validated, typed configuration for every app. A factory rather than `validate`, so the
 * nested config is not copied back into process.env.
 */
export const LedgerConfigModule = ConfigModule.forRoot({
  isGlobal: true,
  ignoreEnvFile: true,
  load: [() => ({ ...loadLedgerConfig(process.env) })],
});
