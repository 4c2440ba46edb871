import type { IEvent } from '@nestjs/cqrs';
import type { RecordedEvent } from '@samen/event-store';

/** What goes on the EventBus: a fact that is already stored, with its position. */
export class StoredEvent implements IEvent {
  constructor(readonly event: RecordedEvent) {}
}
