import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  type AppendStreamState,
  type Filter,
  type Position,
  type ReadRevision,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { Observable } from 'rxjs';
import { type AppendLimits, DEFAULT_APPEND_LIMITS, prepareAppend } from '../append-validation';
import {
  projectionEventOf,
  type AppendResult,
  type EventMetadata,
  type ExpectedRevision,
  type GlobalPosition,
  type JsonObject,
  type NewEvent,
  type ProjectionEvent,
  type RecordedEvent,
} from '../envelope';
import { WrongExpectedRevisionError } from '../errors';
import type {
  EventStore,
  ProjectionReadOptions,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../event-store.port';

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://`, `kurrentdb+discover://`, `esdb://` or `esdb+discover://` connection string. */
  readonly connectionString: string;
  readonly limits?: AppendLimits;
  /** Events a readAll page holds when the caller names no maximum. */
  readonly pageSize?: number;
}

/** How our envelope is kept in a KurrentDB event's metadata; `$` keys are KurrentDB's own conventions. */
interface StoredMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly $correlationId?: string;
  readonly $causationId?: string;
  readonly actor?: string;
  [key: string]: unknown;
}

const PREPARE_BITS = 64n;
const PREPARE_MASK = (1n << PREPARE_BITS) - 1n;

/**
 * The KurrentDB adapter, for clusters and for organisations that already run KurrentDB.
 *
 * A KurrentDB position is a (commit, prepare) pair ordered by commit, then prepare; the port
 * encodes it as one bigint, `commit << 64 | prepare`, which keeps that order. Such positions
 * are byte offsets in the server's log: ordered, not consecutive.
 *
 * It keeps no tamper-evident chain: its events carry no `hash` and it has no `verifyChain`.
 * A global chain computed at append time would serialise every writer of the cluster
 * (ADR 0006), so verification says it is not available here rather than fake one.
 */
export class KurrentDbEventStore implements EventStore {
  readonly kind = 'kurrentdb';
  private readonly client: KurrentDBClient;
  private readonly limits: AppendLimits;
  private readonly pageSize: number;

  constructor(options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.limits = options.limits ?? DEFAULT_APPEND_LIMITS;
    this.pageSize = options.pageSize ?? 512;
  }

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamName, events, expectedRevision, this.limits);
    try {
      const result = await this.client.appendToStream(
        streamName,
        prepared.map((event) =>
          jsonEvent({
            id: event.id,
            type: event.type,
            data: event.data,
            metadata: toStoredMetadata(event.schemaVersion, event.metadata),
          }),
        ),
        { streamState: toStreamState(expectedRevision) },
      );
      if (!result.position) throw new Error('KurrentDB acknowledged an append without a position.');
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: encodePosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : undefined;
        throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);
      }
      throw error;
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const fromRevision: ReadRevision =
      options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START;
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * KurrentDB sends every field anyway: the projection's part is taken from whole events.
   * Types are filtered by the server (an exact-match regex, which also leaves out its own
   * `$` events).
   */
  async readAllForProjection({ upTo, types, ...page }: ProjectionReadOptions = {}): Promise<ProjectionEvent[]> {
    const filter =
      types === undefined
        ? excludeSystemEvents()
        : eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
    const events = await this.readFiltered(page, filter);
    const past = upTo === undefined ? -1 : events.findIndex((event) => event.position > upTo);
    return (past === -1 ? events : events.slice(0, past)).map(projectionEventOf);
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readFiltered(options, excludeSystemEvents());
  }

  private async readFiltered(options: ReadAllOptions, filter: Filter): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? this.pageSize;
    const events: RecordedEvent[] = [];
    // KurrentDB reads $all from a position inclusively; the port reads after it.
    for await (const resolved of this.client.readAll({
      fromPosition: options.after === undefined ? START : decodePosition(options.after),
      direction: FORWARDS,
      maxCount: maxCount + 1,
      filter,
    })) {
      if (!resolved.event) continue;
      const event = toRecordedEvent(resolved.event);
      if (options.after !== undefined && event.position <= options.after) continue;
      events.push(event);
      if (events.length === maxCount) break;
    }
    return events;
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    for await (const resolved of this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      if (resolved.event?.position) return encodePosition(resolved.event.position);
    }
    return undefined;
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((subscriber) => {
      // The server starts a $all subscription after the given position, like the port.
      const subscription = this.client.subscribeToAll(
        {
          fromPosition: options.after === undefined ? START : decodePosition(options.after),
          filter: excludeSystemEvents(),
        },
        // A small read-ahead: gRPC flow control holds the rest on the server.
        { highWaterMark: 32 },
      );
      const pump = async (): Promise<void> => {
        for await (const resolved of subscription) {
          if (subscriber.closed) return;
          if (resolved.event) subscriber.next(toRecordedEvent(resolved.event));
        }
        subscriber.complete();
      };
      pump().catch((error: unknown) => subscriber.error(error));
      return () => void subscription.unsubscribe();
    });
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

export function encodePosition(position: Position): GlobalPosition {
  return (position.commit << PREPARE_BITS) | position.prepare;
}

export function decodePosition(position: GlobalPosition): Position {
  return { commit: position >> PREPARE_BITS, prepare: position & PREPARE_MASK };
}

function toStreamState(expected: ExpectedRevision): AppendStreamState {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}

function toStoredMetadata(schemaVersion: number, metadata: EventMetadata): StoredMetadata {
  return {
    schemaVersion,
    occurredAt: metadata.occurredAt,
    ...(metadata.correlationId !== undefined && { $correlationId: metadata.correlationId }),
    ...(metadata.causationId !== undefined && { $causationId: metadata.causationId }),
    ...(metadata.actor !== undefined && { actor: metadata.actor }),
  };
}

function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  if (!event.isJson || !event.position) {
    throw new Error(`Event ${event.id} in "${event.streamId}" was not written by samen-ledger.`);
  }
  const stored = event.metadata as StoredMetadata;
  const metadata: { -readonly [K in keyof EventMetadata]: EventMetadata[K] } = { occurredAt: stored.occurredAt };
  if (stored.$correlationId !== undefined) metadata.correlationId = stored.$correlationId;
  if (stored.$causationId !== undefined) metadata.causationId = stored.$causationId;
  if (stored.actor !== undefined) metadata.actor = stored.actor;
  return {
    id: event.id,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: encodePosition(event.position),
    type: event.type,
    schemaVersion: stored.schemaVersion,
    data: event.data as JsonObject,
    metadata,
    recordedAt: event.created.toISOString(),
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
