export { syntheticHistory, type AppendBatch, type SyntheticHistoryOptions } from './synthetic-history';
export { HistoryShape, LATE_AFTER_MS, type ShapeSummary } from './history-shape';
export { SYNTHETIC_ACTOR } from './simulation';
export { appendAll, SEED_POOL, type AppendPoolOptions, type AppendPoolResult } from './append-pool';
