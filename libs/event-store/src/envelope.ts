import { epochMs } from './iso-timestamp';

/** A JSON value as it survives a round trip through JSON.stringify and JSON.parse unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Totally ordered position of an event in the global log. On the embedded store it is
 * gap-free (1, 2, 3, …); on KurrentDB it encodes the log's (commit, prepare) pair and is
 * only ordered. Compare positions, never do arithmetic on them across adapters.
 */
export type GlobalPosition = bigint;

/** Revision of an event within its stream: 0 for the first event. */
export type StreamRevision = number;

/** What the writer believes about the stream before appending. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | StreamRevision;

/** The facts about a fact that the store keeps beside its data. */
export interface EventMetadata {
  /** When it happened in the world (ISO-8601); may lie far in the past for back-filled history. */
  readonly occurredAt: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Who caused it: a principal id, never a person's name. */
  readonly actor?: string;
}

export interface NewEvent<Data extends JsonObject = JsonObject> {
  /** A uuid; generated when absent. */
  readonly id?: string;
  readonly type: string;
  /** Version of the data's shape; 1 when absent. Old shapes are upcast when read. */
  readonly schemaVersion?: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly streamName: string;
  readonly revision: StreamRevision;
  readonly position: GlobalPosition;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** When the store recorded it (ISO-8601). Never decreases along the global order. */
  readonly recordedAt: string;
  /**
   * Its link in the tamper-evident chain: SHA-256 over the previous event's hash and this
   * event's canonical form, 64 hex digits (ADR 0006). Absent where the adapter keeps no
   * chain (KurrentDB).
   */
  readonly hash?: string;
}

/**
 * A stored event as a projection reads it: what it says, when, and where it stands in the
 * log, without the envelope's identifiers (id, revision, correlation, causation, hash), and
 * its times as epoch milliseconds, which is how views compare them. A rebuild reads millions
 * of events: the fewer fields and conversions, the faster.
 */
export interface ProjectionEvent<Data extends JsonObject = JsonObject> {
  readonly position: GlobalPosition;
  readonly streamName: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  /** `metadata.occurredAt`, epoch milliseconds. */
  readonly occurredAt: number;
  /** `recordedAt`, epoch milliseconds. */
  readonly recordedAt: number;
  readonly actor: string | undefined;
}

/** The projection's part of a whole event, for adapters that read whole events anyway. */
export function projectionEventOf(event: RecordedEvent): ProjectionEvent {
  return {
    position: event.position,
    streamName: event.streamName,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    occurredAt: epochMs(event.metadata.occurredAt),
    recordedAt: epochMs(event.recordedAt),
    actor: event.metadata.actor,
  };
}

export interface AppendResult {
  /** Revision of the last event written: the expected revision for the next append. */
  readonly nextExpectedRevision: StreamRevision;
  /** Global position of the last event written. */
  readonly position: GlobalPosition;
}
