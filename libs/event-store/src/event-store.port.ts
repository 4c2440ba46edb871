import type { Observable } from 'rxjs';
import type {
  AppendResult,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ProjectionEvent,
  RecordedEvent,
  StreamRevision,
} from './envelope';
import type { ChainVerification, VerifyChainOptions } from './integrity/verify-chain';

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the first event (forwards) or the last one (backwards). */
  readonly fromRevision?: StreamRevision;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: only events after this position. Defaults to the start of the log. */
  readonly after?: GlobalPosition;
  readonly maxCount?: number;
}

export interface ProjectionReadOptions extends ReadAllOptions {
  /** Inclusive: no events after this position. Defaults to the head of the log. */
  readonly upTo?: GlobalPosition;
  /**
   * Only events of these types: the page then holds up to `maxCount` of them, and an empty
   * page means none is left up to `upTo`. Views that apply a few types skip the rest of a
   * long log (two thirds of it attendance marks) without it being decoded.
   */
  readonly types?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive, like a checkpoint: the last position the subscriber has processed. */
  readonly after?: GlobalPosition;
}

/**
 * The only way the rest of samen-ledger touches stored events.
 *
 * Guarantees every adapter keeps (the contract suite checks each one):
 * - an append is atomic: all of its events are stored or none is;
 * - an append whose expected revision does not match writes nothing and throws
 *   {@link WrongExpectedRevisionError} carrying the stream's actual revision;
 * - a promise that resolved means the events are durable: they survive a crash;
 * - the global order is total and never changes once an event has been read.
 *
 * Invalid input (bad names, non-JSON data, oversized payloads, negative revisions) is
 * refused with {@link InvalidAppendError} before anything is written.
 */
export interface EventStore {
  /** Which adapter this is, for health reports and logs. */
  readonly kind: 'embedded' | 'kurrentdb' | 'postgres';

  append(streamName: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;

  /** A stream's events; an empty list when the stream does not exist. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One page of the global log, in order. Read the next page after the last position. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * A page of the log as {@link readAll} reads it, with only the fields a projection applies
   * (what a rebuild reads), optionally only up to a position and only of some types.
   */
  readAllForProjection(options?: ProjectionReadOptions): Promise<ProjectionEvent[]>;

  /** Position of the newest event, or undefined for an empty store. */
  headPosition(): Promise<GlobalPosition | undefined>;

  /**
   * Every event after `after`, in global order, exactly once: first the stored history,
   * then live as events are appended, with no gap or duplicate at the switch.
   *
   * Back-pressure: events are read in bounded pages and the next page is read only after
   * the subscriber's `next` has returned for the current one, so a consumer that does its
   * work inside `next` never makes the subscription buffer more than one page.
   * Unsubscribing stops reading.
   */
  subscribeToAll(options?: SubscribeOptions): Observable<RecordedEvent>;

  /**
   * Walks the tamper-evident chain over the durable log in position order and reports the
   * first position where it breaks, or that it is intact with the head hash (ADR 0006).
   * Reads in pages, in constant memory, yielding to the event loop between pages.
   * Absent on adapters that keep no chain (KurrentDB).
   */
  verifyChain?(options?: VerifyChainOptions): Promise<ChainVerification>;

  /** Finishes appends in flight, ends subscriptions and releases the store. */
  close(): Promise<void>;
}
