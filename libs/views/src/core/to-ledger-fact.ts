import type { ProjectionEvent } from '@samen/event-store';
import { LEDGER_UPCASTER } from '@samen/ledger-events';
import type { LedgerFact } from './ledger-fact';

/**
 * A stored event as a fact for the views, its data in the current shape of its type: an
 * older shape is upcast here, once, before any view sees it, and a shape newer than this
 * code is an UnknownSchemaVersionError. (A whole RecordedEvent becomes one through
 * `projectionEventOf`.)
 */
export function toLedgerFact(event: ProjectionEvent): LedgerFact {
  // One fixed shape, written out (a conditional spread costs more than the rest together).
  return {
    type: event.type,
    data: LEDGER_UPCASTER.upcast(event.type, event.schemaVersion, event.data),
    streamName: event.streamName,
    position: event.position.toString(),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
  } as LedgerFact;
}
