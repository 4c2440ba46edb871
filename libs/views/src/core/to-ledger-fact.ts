import type { RecordedEvent } from '@samen/event-store';
import type { LedgerFact } from './ledger-fact';

/**
 * A stored event as a fact for the views. Only shape version 1 exists so far; a later shape
 * is upcast here, once, before any view sees it.
 */
export function toLedgerFact(event: RecordedEvent): LedgerFact {
  return {
    type: event.type,
    data: event.data,
    streamName: event.streamName,
    position: event.position.toString(),
    occurredAt: Date.parse(event.metadata.occurredAt),
    recordedAt: Date.parse(event.recordedAt),
    ...(event.metadata.actor !== undefined && { actor: event.metadata.actor }),
  } as LedgerFact;
}
