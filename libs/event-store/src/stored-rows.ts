import type { EventMetadata, ProjectionEvent, RecordedEvent } from './envelope';
import { epochMs } from './iso-timestamp';

/**
 * The columns both SQL stores keep, in the order they read them. The two schemas name and
 * order them alike, so one mapping turns a row of either into an event; only the position
 * differs in type (a number from SQLite, a decimal string for PostgreSQL's bigint).
 */
export const COLUMNS =
  'position, stream, revision, id, type, schema_version, data, occurred_at, correlation_id, causation_id, actor, recorded_at, hash';
export type Row = [
  number | string,
  string,
  number,
  string,
  string,
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  string,
];
/**
 * What a projection applies. (Letting SQLite turn the times into milliseconds was tried: its
 * reading differs from Date.parse for some accepted forms, and checking for the form that
 * reads alike costs more than the parse it saves. `epochMs` reads the usual form in
 * JavaScript, as Date.parse does, at a third of its cost.)
 */
export const PROJECTION_COLUMNS = 'position, stream, type, schema_version, data, occurred_at, actor, recorded_at';
export type ProjectionRow = [number | string, string, string, number, string, string, string | null, string];

export function toProjectionEvent(row: ProjectionRow): ProjectionEvent {
  const [position, stream, type, schemaVersion, data, occurredAt, actor, recordedAt] = row;
  return {
    position: BigInt(position),
    streamName: stream,
    type,
    schemaVersion,
    data: JSON.parse(data),
    occurredAt: epochMs(occurredAt),
    recordedAt: epochMs(recordedAt),
    actor: actor ?? undefined,
  };
}

export function toRecordedEvent(row: Row): RecordedEvent {
  const [
    position,
    stream,
    revision,
    id,
    type,
    schemaVersion,
    data,
    occurredAt,
    correlationId,
    causationId,
    actor,
    recordedAt,
    hash,
  ] = row;
  const metadata: { -readonly [K in keyof EventMetadata]: EventMetadata[K] } = { occurredAt };
  if (correlationId !== null) metadata.correlationId = correlationId;
  if (causationId !== null) metadata.causationId = causationId;
  if (actor !== null) metadata.actor = actor;
  return {
    id,
    streamName: stream,
    revision,
    position: BigInt(position),
    type,
    schemaVersion,
    data: JSON.parse(data),
    metadata,
    recordedAt,
    hash,
  };
}
