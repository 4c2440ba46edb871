import { hash } from 'node:crypto';
import type { EventMetadata } from '../envelope';

/** The previous hash of the first event in the log: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the chain covers of one stored event: every field a reader gets back. */
export interface ChainedEvent {
  readonly position: bigint | number;
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** The event's data exactly as the store keeps and returns it (see {@link canonicalEvent}). */
  readonly dataJson: string;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
}

/**
 * The canonical form of a stored event: one line of JSON in the manner of RFC 8785 (JCS),
 *
 * `{"data":…,"id":…,"metadata":{"actor":…,"causationId":…,"correlationId":…,"occurredAt":…},
 *   "position":"…","recordedAt":…,"revision":…,"schemaVersion":…,"streamName":…,"type":…}`
 *
 * - members sorted by name, no whitespace, strings and numbers written as ECMAScript's
 *   JSON.stringify writes them (which is what JCS prescribes for these types);
 * - absent metadata fields are left out, never written as null;
 * - the position is a decimal string, as everywhere positions appear in JSON (ADR 0003);
 * - `data` is the JSON text the store keeps, as JSON.stringify wrote it at append time:
 *   its members stay in the order they were written in, because that order is part of what
 *   the store returns (`JSON.stringify(read.data)` equals the text appended). Verification
 *   therefore hashes the stored text without parsing it, which is what makes it fast.
 */
export function canonicalEvent(event: ChainedEvent): string {
  const { actor, causationId, correlationId, occurredAt } = event.metadata;
  let metadata = '{';
  if (actor !== undefined) metadata += `"actor":${quote(actor)},`;
  if (causationId !== undefined) metadata += `"causationId":${quote(causationId)},`;
  if (correlationId !== undefined) metadata += `"correlationId":${quote(correlationId)},`;
  metadata += `"occurredAt":${quote(occurredAt)}}`;
  return (
    `{"data":${event.dataJson},"id":${quote(event.id)},"metadata":${metadata}` +
    `,"position":"${event.position}","recordedAt":${quote(event.recordedAt)}` +
    `,"revision":${event.revision},"schemaVersion":${event.schemaVersion}` +
    `,"streamName":${quote(event.streamName)},"type":${quote(event.type)}}`
  );
}

/** Nothing JSON.stringify would escape: quotes, backslashes, control characters, surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_NO_ESCAPING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** A JSON string exactly as JSON.stringify writes it; names rarely need escaping, and this runs per append. */
const quote = (value: string) => (NEEDS_NO_ESCAPING.test(value) ? `"${value}"` : JSON.stringify(value));

/**
 * `SHA-256(previousHash || canonical)` as 64 lowercase hex digits, over the UTF-8 bytes of
 * the previous hash's 64 hex digits followed by the canonical form. Written as text, the
 * previous hash has a fixed length, so the concatenation is unambiguous, and an auditor can
 * recompute any link with `printf '%s%s' "$previous" "$canonical" | sha256sum`.
 */
export function chainHash(previousHash: string, canonical: string): string {
  return hash('sha256', previousHash + canonical, 'hex');
}
