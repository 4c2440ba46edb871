export * from './ledger-config';
export { LedgerConfigModule, ledgerConfig, type LedgerConfigType } from './ledger-config.module';
