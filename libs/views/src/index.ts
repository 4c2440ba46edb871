export * from './core/ledger-fact';
export * from './core/time-window';
export * from './core/projection';
export { toLedgerFact } from './core/to-ledger-fact';
export * from './ledger-views';
export { ViewRunner, type ViewStatus } from './runner/view-runner';
export { ViewStateStore } from './runner/view-state-store';
export { ViewsBehindError } from './runner/views-behind.error';
export { ViewsModule } from './views.module';
