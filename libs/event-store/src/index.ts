export * from './envelope';
export * from './errors';
export * from './event-store.port';
export { DEFAULT_APPEND_LIMITS, type AppendLimits } from './append-validation';
export { isIsoTimestamp } from './iso-timestamp';
export { canonicalEvent, chainHash, GENESIS_HASH, type ChainedEvent } from './integrity/chain-hash';
export {
  describeVerification,
  KURRENTDB_CHAIN_UNAVAILABLE,
  parseExpectedHead,
  verificationToJson,
  verifyEventLog,
  type ChainBreakKind,
  type ChainBroken,
  type ChainIntact,
  type ChainUnavailable,
  type ChainVerification,
  type ExpectedHead,
  type VerifyChainOptions,
} from './integrity/verify-chain';
export { createEventStore, KURRENTDB_SCHEMES, POSTGRES_SCHEMES, type EventStoreSettings } from './create-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './embedded';
export {
  ACCESS_CHANNEL,
  ACCESS_LOCK_KEY,
  asUnreachable,
  checkOut,
  LEDGER_SCHEMA,
  PostgresEventStore,
  prepareLedgerSchema,
  ServerHosts,
  withoutPassword,
  type PostgresEventStoreOptions,
} from './postgres';
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store';
export { EVENT_STORE, EventStoreModule } from './event-store.module';
