export * from './commitment';
export * from './commitment.events';
