/**
 * Many strings (hundreds of thousands of stream names) interned in three typed arrays:
 * UTF-8 bytes, where each string starts, and an open-addressing hash table. A string array
 * with a Map costs about 90 bytes per short string; this, about 35. Plain data, so it
 * survives v8 serialisation; only the functions below read or change it.
 */
export interface StringPool {
  count: number;
  bytes: Uint8Array;
  byteLength: number;
  /** String `i` is `bytes[starts[i] .. starts[i + 1])`. */
  starts: Int32Array;
  /** String number + 1 at its hash (then the next free slot), 0 where empty; a power of two long. */
  slots: Int32Array;
}

export function newStringPool(): StringPool {
  return {
    count: 0,
    bytes: new Uint8Array(4096),
    byteLength: 0,
    starts: new Int32Array(1024),
    slots: new Int32Array(1024),
  };
}

/** The number of `text` in the pool, or -1. */
export function findString(pool: StringPool, text: string): number {
  const length = encode(text);
  const slot = slotOf(pool, encoded, length);
  return pool.slots[slot] - 1;
}

/** The number of `text`, adding it first if it is new. */
export function internString(pool: StringPool, text: string): number {
  if (pool === last.pool && text === last.text) return last.id;
  const id = internEncoded(pool, encode(text));
  last = { pool, text, id };
  return id;
}

/**
 * The string interned last: a long log's facts come in runs of one stream (a meeting's
 * attendance is recorded together), and comparing with it costs a tenth of a lookup.
 * A string's number never changes, so it cannot go stale.
 */
let last: { pool?: StringPool; text?: string; id: number } = { id: -1 };

/** The number in `pool` of string `id` of `other`, adding it first if it is new (no decoding). */
export function internFrom(pool: StringPool, other: StringPool, id: number): number {
  const start = other.starts[id];
  const length = other.starts[id + 1] - start;
  if (length > encoded.length) encoded = new Uint8Array(length * 2);
  encoded.set(other.bytes.subarray(start, start + length));
  return internEncoded(pool, length);
}

/** The number of the string in `encoded[0 .. length)`, adding it first if it is new. */
function internEncoded(pool: StringPool, length: number): number {
  const slot = slotOf(pool, encoded, length);
  if (pool.slots[slot] !== 0) return pool.slots[slot] - 1;
  const id = pool.count;
  if (pool.byteLength + length > pool.bytes.length) {
    pool.bytes = copyInto(
      new Uint8Array(Math.max(pool.byteLength + length, Math.ceil(pool.bytes.length * 1.5))),
      pool.bytes,
    );
  }
  if (id + 2 > pool.starts.length)
    pool.starts = copyInto(new Int32Array(Math.ceil(pool.starts.length * 1.5)), pool.starts);
  pool.bytes.set(encoded.subarray(0, length), pool.byteLength);
  pool.byteLength += length;
  pool.starts[id + 1] = pool.byteLength;
  pool.count = id + 1;
  pool.slots[slot] = id + 1;
  if (pool.count * 10 > pool.slots.length * 7) rehash(pool);
  return id;
}

/**
 * Makes room for `strings` more strings of `bytes` UTF-8 bytes in all (a merge knows how many
 * come): one copy and one rehash, rather than one at each growth on the way.
 */
export function reserveStrings(pool: StringPool, strings: number, bytes: number): void {
  if (pool.byteLength + bytes > pool.bytes.length) {
    pool.bytes = copyInto(new Uint8Array(pool.byteLength + bytes), pool.bytes);
  }
  if (pool.count + strings + 2 > pool.starts.length) {
    pool.starts = copyInto(new Int32Array(pool.count + strings + 2), pool.starts);
  }
  let slots = pool.slots.length;
  while ((pool.count + strings) * 10 > slots * 7) slots *= 2;
  if (slots > pool.slots.length) rehash(pool, slots);
}

export function stringAt(pool: StringPool, id: number): string {
  return DECODER.decode(pool.bytes.subarray(pool.starts[id], pool.starts[id + 1]));
}

const DECODER = new TextDecoder();
/** The text being looked up, as UTF-8: reused, so a lookup allocates nothing for ASCII. */
let encoded = new Uint8Array(256);

function encode(text: string): number {
  if (text.length > encoded.length) encoded = new Uint8Array(text.length * 2);
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code > 127) {
      const utf8 = Buffer.from(text, 'utf8');
      if (utf8.length > encoded.length) encoded = new Uint8Array(utf8.length * 2);
      encoded.set(utf8);
      return utf8.length;
    }
    encoded[k] = code;
  }
  return text.length;
}

/** The slot holding these bytes, or the empty slot where they would go. */
function slotOf(pool: StringPool, bytes: Uint8Array, length: number): number {
  const mask = pool.slots.length - 1;
  for (let slot = hash(bytes, 0, length) & mask; ; slot = (slot + 1) & mask) {
    const held = pool.slots[slot];
    if (held === 0 || sameBytes(pool, held - 1, bytes, length)) return slot;
  }
}

function sameBytes(pool: StringPool, id: number, bytes: Uint8Array, length: number): boolean {
  const start = pool.starts[id];
  if (pool.starts[id + 1] - start !== length) return false;
  for (let k = 0; k < length; k++) if (pool.bytes[start + k] !== bytes[k]) return false;
  return true;
}

/** FNV-1a, 32 bits. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  return h >>> 0;
}

function rehash(pool: StringPool, size = pool.slots.length * 2): void {
  const slots = new Int32Array(size);
  const mask = slots.length - 1;
  for (let id = 0; id < pool.count; id++) {
    let slot = hash(pool.bytes, pool.starts[id], pool.starts[id + 1]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }
  pool.slots = slots;
}

function copyInto<A extends Uint8Array | Int32Array>(target: A, source: A): A {
  target.set(source);
  return target;
}
