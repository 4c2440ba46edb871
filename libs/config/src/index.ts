export * from './ledger-config';
export { LedgerConfigModule } from './ledger-config.module';
