import {
  type EventStore,
  type GlobalPosition,
  type JsonObject,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@samen/event-store';
import { ConcurrencyError, NotFoundError, streamName, type DomainEvent, type EntityKind } from '@samen/ledger-kernel';

/** What comes with every command besides its data: who, when, and which request. */
export interface CommandEnvelope {
  /** Unique per request; a retry with the same id returns the first answer and appends nothing. */
  readonly commandId: string;
  /** When the fact happened in the world (ISO-8601). */
  readonly occurredAt: string;
  readonly actor?: string;
  readonly correlationId?: string;
  /** The revision the client last saw (If-Match); a different one is refused, never retried. */
  readonly expectedRevision?: number;
}

export interface CommandResult {
  readonly streamName: string;
  /** The stream's revision after the command. */
  readonly revision: number;
  /** Global position of the last event the command wrote. */
  readonly position: GlobalPosition;
  /** True when this answers a retry of a command that was already recorded. */
  readonly replayed: boolean;
}

interface Evolver<Event extends DomainEvent, State> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
}

/** Without If-Match, a conflict is retried on fresh state this many times before a 409. */
const MAX_ATTEMPTS = 5;

/**
 * Reads the stream, folds it, decides and appends with the expected revision: the one way
 * every command handler writes. `decide` runs again on fresh state after a concurrent
 * change, which is safe because it re-checks every rule; a client that sent If-Match gets
 * the conflict instead. A command id already in the stream returns the first answer.
 */
export async function handleCommand<Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Evolver<Event, State>,
  decide: (state: State) => Event[],
  envelope: CommandEnvelope,
): Promise<CommandResult> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    const earlier = history.filter((event) => event.metadata.causationId === envelope.commandId);
    if (earlier.length > 0) return answer(stream, earlier[earlier.length - 1], true);

    const current = history.length > 0 ? history[history.length - 1].revision : undefined;
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== current) {
      throw new ConcurrencyError(stream, current);
    }
    const state = history.map((event) => asDomainEvent<Event>(event)).reduce(decider.evolve, decider.initialState());
    const events = decide(state);
    try {
      const result = await store.append(
        stream,
        events.map((event) => ({
          type: event.type,
          data: event.data as JsonObject,
          metadata: {
            occurredAt: envelope.occurredAt,
            causationId: envelope.commandId,
            ...(envelope.correlationId !== undefined && { correlationId: envelope.correlationId }),
            ...(envelope.actor !== undefined && { actor: envelope.actor }),
          },
        })),
        current === undefined ? 'no_stream' : current,
      );
      return { streamName: stream, revision: result.nextExpectedRevision, position: result.position, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (envelope.expectedRevision !== undefined || attempt === MAX_ATTEMPTS) {
        throw new ConcurrencyError(stream, error.actual);
      }
    }
  }
}

/** Folds a stream to its current state, e.g. to check a rule that spans two boundaries. */
export async function loadState<Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Evolver<Event, State>,
): Promise<State> {
  const history = await store.readStream(stream);
  return history.map((event) => asDomainEvent<Event>(event)).reduce(decider.evolve, decider.initialState());
}

/** Refuses a command that names a programme, party, person, … that was never recorded. */
export async function requireExisting(store: EventStore, entity: EntityKind, id: string): Promise<void> {
  const [first] = await store.readStream(streamName(entity, id), { maxCount: 1 });
  if (!first) throw new NotFoundError(entity, id);
}

/** The newest schema of each event type; older stored shapes would be upcast here. */
const CURRENT_SCHEMA_VERSION = 1;

/**
 * The store boundary: the domain only ever sees current shapes. No event type has a
 * second schema version yet; one that does gets its upcaster here, not in the deciders.
 */
export function asDomainEvent<Event extends DomainEvent>(event: RecordedEvent): Event {
  if (event.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    throw new Error(
      `${event.type} at position ${event.position} has schema version ${event.schemaVersion}; this version of samen-ledger reads ${CURRENT_SCHEMA_VERSION}.`,
    );
  }
  return { type: event.type, data: event.data } as unknown as Event;
}

function answer(stream: string, last: RecordedEvent, replayed: boolean): CommandResult {
  return { streamName: stream, revision: last.revision, position: last.position, replayed };
}
