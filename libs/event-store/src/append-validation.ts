import { randomUUID } from 'node:crypto';
import type { EventMetadata, ExpectedRevision, JsonObject, NewEvent, StreamRevision } from './envelope';
import { InvalidAppendError } from './errors';
import { isIsoTimestamp } from './iso-timestamp';

/** Bounds on what one append may carry, enforced identically by every adapter. */
export interface AppendLimits {
  readonly maxNameLength: number;
  readonly maxEventBytes: number;
  readonly maxEventsPerAppend: number;
}

export const DEFAULT_APPEND_LIMITS: AppendLimits = {
  maxNameLength: 200,
  // KurrentDB's own default maximum append is 1 MiB; ours allows a 1 MiB document plus its
  // JSON escaping, and the compose files raise the server's limit to match.
  maxEventBytes: 2 * 1024 * 1024,
  maxEventsPerAppend: 10_000,
};

/** An event checked and serialised once, ready for any adapter to write. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
  readonly dataJson: string;
  readonly metadata: EventMetadata;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** A UTF-16 surrogate without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METADATA_KEYS = new Set(['occurredAt', 'correlationId', 'causationId', 'actor']);

/**
 * Checks an append completely before any adapter writes, so that a refused append can
 * never leave half of itself behind. Throws {@link InvalidAppendError} naming the field.
 */
export function prepareAppend(
  streamName: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
  limits: AppendLimits = DEFAULT_APPEND_LIMITS,
): PreparedEvent[] {
  assertName('streamName', streamName, limits);
  assertExpectedRevision(expectedRevision);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'an append needs at least one event');
  }
  if (events.length > limits.maxEventsPerAppend) {
    throw new InvalidAppendError('events', `at most ${limits.maxEventsPerAppend} events per append`);
  }
  return events.map((event, index) => prepareEvent(event, `events[${index}]`, limits));
}

/** Whether a stream at `current` (undefined: no stream) is what the writer expected. */
export function matchesExpectedRevision(expected: ExpectedRevision, current: StreamRevision | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}

function prepareEvent(event: NewEvent, path: string, limits: AppendLimits): PreparedEvent {
  if (typeof event !== 'object' || event === null) {
    throw new InvalidAppendError(path, 'must be an object');
  }
  assertName(`${path}.type`, event.type, limits);
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidAppendError(`${path}.schemaVersion`, 'must be a positive integer');
  }
  if (event.id !== undefined && (typeof event.id !== 'string' || !UUID.test(event.id))) {
    throw new InvalidAppendError(`${path}.id`, 'must be a uuid');
  }
  if (!isPlainObject(event.data)) {
    throw new InvalidAppendError(`${path}.data`, 'must be a JSON object');
  }
  const nonJson = findNonJson(event.data, 0);
  if (nonJson) throw new InvalidAppendError(`${path}.data${nonJson.path}`, nonJson.reason);
  const dataJson = JSON.stringify(event.data);
  // A UTF-16 unit is at most three UTF-8 bytes: most events need no exact count.
  if (dataJson.length * 3 > limits.maxEventBytes) {
    const bytes = Buffer.byteLength(dataJson, 'utf8');
    if (bytes > limits.maxEventBytes) {
      throw new InvalidAppendError(`${path}.data`, `is ${bytes} bytes; the limit is ${limits.maxEventBytes}`);
    }
  }
  return {
    id: event.id?.toLowerCase() ?? randomUUID(),
    type: event.type,
    schemaVersion,
    data: event.data,
    dataJson,
    metadata: prepareMetadata(event.metadata, `${path}.metadata`, limits),
  };
}

function prepareMetadata(metadata: EventMetadata, path: string, limits: AppendLimits): EventMetadata {
  if (!isPlainObject(metadata)) {
    throw new InvalidAppendError(path, 'must be an object with at least occurredAt');
  }
  for (const key of Object.keys(metadata)) {
    if (!METADATA_KEYS.has(key)) {
      throw new InvalidAppendError(`${path}.${key}`, 'is not a metadata field the store keeps');
    }
  }
  if (!isIsoTimestamp(metadata.occurredAt)) {
    throw new InvalidAppendError(`${path}.occurredAt`, 'must be an ISO-8601 timestamp of a real date');
  }
  for (const key of ['correlationId', 'causationId', 'actor'] as const) {
    const value = metadata[key];
    if (value !== undefined) assertName(`${path}.${key}`, value, limits);
  }
  // A fresh object with only the known fields, in a fixed order (set one by one: conditional
  // spreads cost microseconds per event, and this runs for every event appended).
  const { occurredAt, correlationId, causationId, actor } = metadata;
  const prepared: { occurredAt: string; correlationId?: string; causationId?: string; actor?: string } = {
    occurredAt,
  };
  if (correlationId !== undefined) prepared.correlationId = correlationId;
  if (causationId !== undefined) prepared.causationId = causationId;
  if (actor !== undefined) prepared.actor = actor;
  return prepared;
}

function assertName(field: string, value: unknown, limits: AppendLimits): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidAppendError(field, 'must be a non-empty string');
  }
  if (value.length > limits.maxNameLength) {
    throw new InvalidAppendError(field, `is ${value.length} characters; the limit is ${limits.maxNameLength}`);
  }
  if (CONTROL_CHARACTERS.test(value)) {
    throw new InvalidAppendError(field, 'must not contain control characters');
  }
  // SQLite keeps text as UTF-8, which cannot hold a lone surrogate: the name would be read
  // back changed, and the event's hash would no longer match it (ADR 0006).
  if (LONE_SURROGATE.test(value)) {
    throw new InvalidAppendError(field, 'must be well-formed Unicode (it holds a lone surrogate)');
  }
  // KurrentDB reserves names starting with "$" for its own system streams and events.
  if (value.startsWith('$')) {
    throw new InvalidAppendError(field, 'must not start with "$" (reserved for the store)');
  }
}

function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidAppendError(
    'expectedRevision',
    'must be "any", "no_stream", "stream_exists" or a non-negative integer',
  );
}

function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

const MAX_DEPTH = 64;

/**
 * Finds what JSON would silently change (undefined, NaN, dates, maps, …) or cannot hold
 * (cycles, absurd nesting). The path is built only on the way back from a failure,
 * because this runs on every appended event.
 */
function findNonJson(value: unknown, depth: number): { path: string; reason: string } | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { path: '', reason: 'must be a finite number' };
    case 'object': {
      if (value === null) return undefined;
      if (depth > MAX_DEPTH) return { path: '', reason: `nests deeper than ${MAX_DEPTH} levels or refers to itself` };
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) return { path: `[${i}]`, reason: 'is a hole in the array' };
          const found = findNonJson(value[i], depth + 1);
          if (found) return { path: `[${i}]${found.path}`, reason: found.reason };
        }
        return undefined;
      }
      if (!isPlainObject(value)) {
        return { path: '', reason: `is a ${value.constructor?.name ?? 'non-plain object'}, not JSON` };
      }
      for (const key of Object.keys(value)) {
        const found = findNonJson(value[key], depth + 1);
        if (found) return { path: `.${key}${found.path}`, reason: found.reason };
      }
      return undefined;
    }
    default:
      return { path: '', reason: `is ${typeof value}, not JSON` };
  }
}
