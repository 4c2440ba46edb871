export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export {
  ACCESS_CHANNEL,
  ACCESS_LOCK_KEY,
  LEDGER_SCHEMA,
  POSTGRES_SCHEMA_VERSION,
  prepareLedgerSchema,
} from './postgres-schema';
export { asUnreachable, checkOut, withoutPassword } from './connection-failure';
export { ServerHosts } from './server-hosts';
