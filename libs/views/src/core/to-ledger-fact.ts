import type { ProjectionEvent } from '@samen/event-store';
import type { LedgerFact } from './ledger-fact';

/**
 * A stored event as a fact for the views. Only shape version 1 exists so far; a later shape
 * is upcast here, once, before any view sees it. (A whole RecordedEvent becomes one through
 * `projectionEventOf`.)
 */
export function toLedgerFact(event: ProjectionEvent): LedgerFact {
  // One fixed shape, written out (a conditional spread costs more than the rest together).
  return {
    type: event.type,
    data: event.data,
    streamName: event.streamName,
    position: event.position.toString(),
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
  } as LedgerFact;
}
