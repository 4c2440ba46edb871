export * from './ledger-config';
export { InjectLedgerConfig, LedgerConfigModule, ledgerConfig, type LedgerConfigType } from './ledger-config.module';
