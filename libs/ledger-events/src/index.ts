export type { LedgerEvent } from './ledger-event';
export { currentShape, LEDGER_UPCASTER } from './ledger-upcaster';
