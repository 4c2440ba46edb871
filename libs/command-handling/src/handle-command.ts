import {
  type EventStore,
  type GlobalPosition,
  type JsonObject,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@samen/event-store';
import {
  ConcurrencyError,
  NotFoundError,
  partiesNamedBy,
  streamName,
  ValidationError,
  type DomainEvent,
  type EntityKind,
  type Upcaster,
  type Visibility,
} from '@samen/ledger-kernel';
import { streamStateCacheOf, type CachedStream } from './stream-state-cache';

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
  /** Reads older shapes of its events as current ones, and names the version appends record. */
  readonly upcaster: Upcaster<Event>;
}

/** Without If-Match, a conflict is retried on fresh state this many times before a 409. */
const MAX_ATTEMPTS = 5;

/**
 * Reads the stream, folds it, decides and appends with the expected revision: the one way
 * every command handler writes. `decide` runs again on fresh state after a concurrent
 * change, which is safe because it re-checks every rule; a client that sent If-Match gets
 * the conflict instead. A command id already in the stream returns the first answer.
 *
 * The folded state is kept in a {@link StreamStateCache}. A stale entry can only cause a
 * conflict on append, never a wrong write, and a refusal decided on cached state is checked
 * again on the stream read afresh, so it is never a wrong refusal either.
 */
export async function handleCommand<Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Evolver<Event, State>,
  decide: (state: State) => Event[],
  envelope: CommandEnvelope,
): Promise<CommandResult> {
  const cache = streamStateCacheOf(store);
  for (let attempt = 1; ; attempt++) {
    const cached = attempt === 1 ? cache.get<State>(stream) : undefined;
    const current = cached ?? fold(await store.readStream(stream), decider);
    const earlier = current.answers.get(envelope.commandId);
    if (earlier) return { streamName: stream, ...earlier, replayed: true };

    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== current.revision) {
      if (cached) continue; // the cache may be behind: look again before refusing
      throw new ConcurrencyError(stream, current.revision);
    }
    let events: Event[];
    try {
      events = decide(current.state);
    } catch (refusal) {
      if (cached) continue; // refused on cached state: make sure it was not behind
      throw refusal;
    }
    try {
      const result = await store.append(
        stream,
        events.map((event) => ({
          type: event.type,
          schemaVersion: decider.upcaster.currentVersion(event.type),
          data: event.data as JsonObject,
          metadata: {
            occurredAt: envelope.occurredAt,
            causationId: envelope.commandId,
            ...(envelope.correlationId !== undefined && { correlationId: envelope.correlationId }),
            ...(envelope.actor !== undefined && { actor: envelope.actor }),
          },
        })),
        current.revision === undefined ? 'no_stream' : current.revision,
      );
      const answer = { revision: result.nextExpectedRevision, position: result.position };
      cache.set(stream, {
        state: events.reduce(decider.evolve, current.state),
        revision: answer.revision,
        // The old entry is never used again (or only by a concurrent retry, which may see it too).
        answers: (current.answers as Map<string, typeof answer>).set(envelope.commandId, answer),
      });
      return { streamName: stream, ...answer, replayed: false };
    } catch (error) {
      cache.forget(stream);
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (envelope.expectedRevision !== undefined || attempt === MAX_ATTEMPTS) {
        throw new ConcurrencyError(stream, error.actual);
      }
    }
  }
}

/** A stream's state, revision and the answers given to each command id, from its history. */
function fold<Event extends DomainEvent, State>(
  history: RecordedEvent[],
  decider: Evolver<Event, State>,
): CachedStream<State> {
  const answers = new Map<string, { revision: number; position: GlobalPosition }>();
  let state = decider.initialState();
  for (const event of history) {
    state = decider.evolve(state, asDomainEvent(event, decider.upcaster));
    const commandId = event.metadata.causationId;
    if (commandId !== undefined) answers.set(commandId, { revision: event.revision, position: event.position });
  }
  return { state, revision: history.length > 0 ? history[history.length - 1].revision : undefined, answers };
}

/** Folds a stream to its current state, e.g. to check a rule that spans two boundaries. */
export async function loadState<Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Evolver<Event, State>,
): Promise<State> {
  const history = await store.readStream(stream);
  return history.map((event) => asDomainEvent(event, decider.upcaster)).reduce(decider.evolve, decider.initialState());
}

/**
 * Streams known to exist, per store. Events are never removed, so once a stream has been
 * seen it exists for good and need not be read again for this check.
 */
const knownStreams = new WeakMap<EventStore, Set<string>>();
const MAX_KNOWN_STREAMS = 200_000;

/** Refuses a command that names a programme, party, person, … that was never recorded. */
export async function requireExisting(store: EventStore, entity: EntityKind, id: string): Promise<void> {
  const stream = streamName(entity, id);
  let known = knownStreams.get(store);
  if (known?.has(stream)) return;
  const [first] = await store.readStream(stream, { maxCount: 1 });
  if (!first) throw new NotFoundError(entity, id);
  if (!known || known.size >= MAX_KNOWN_STREAMS) knownStreams.set(store, (known = new Set()));
  known.add(stream);
}

/** The store boundary: the domain only ever sees current shapes, whatever version was stored. */
export function asDomainEvent<Event extends DomainEvent>(event: RecordedEvent, upcaster: Upcaster<Event>): Event {
  return upcaster.read(event);
}

/**
 * Refuses a visibility restricted to a party that was never registered: a 400 naming the
 * field (the body is wrong, not the thing it is about), before anything is written.
 */
export async function requireVisibleParties(store: EventStore, visibility: Visibility | undefined): Promise<void> {
  for (const partyId of partiesNamedBy(visibility)) {
    try {
      await requireExisting(store, 'party', partyId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new ValidationError([
        { field: 'visibility.partyIds', message: 'names a party that is not registered in the ledger' },
      ]);
    }
  }
}
