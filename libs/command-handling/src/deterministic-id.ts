import { createHash, randomUUID } from 'node:crypto';

/** Namespace for ids derived from Idempotency-Keys (a fixed, random uuid). */
const NAMESPACE = Buffer.from('6f1c2d0e8a3b4c5d9e7f1a2b3c4d5e6f', 'hex');

/**
 * The id of a new thing (commitment, payment, …): derived from the request's
 * Idempotency-Key when there is one (a name-based uuid, version 5), so that a retried
 * create lands on the same stream and is recognised; random otherwise.
 */
export function newEntityId(idempotencyKey: string | undefined, purpose: string): string {
  if (idempotencyKey === undefined) return randomUUID();
  const hash = createHash('sha1').update(NAMESPACE).update(`${purpose}:${idempotencyKey}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
