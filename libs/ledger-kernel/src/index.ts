export * from './domain/decider';
export * from './domain/ledger-errors';
export * from './events/upcasting';
export * from './domain/visibility';
