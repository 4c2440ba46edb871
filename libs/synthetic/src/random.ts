/**
 * A seeded pseudo-random generator (sfc32): fast, 128 bits of state, and the same numbers
 * on every machine. Synthetic histories draw everything from it, never from Math.random,
 * so that the same seed always gives the same ledger.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeded from any list of parts: `new Random(seed, 'programme', 17)`. */
  constructor(...seedParts: readonly (string | number)[]) {
    [this.a, this.b, this.c, this.d] = hash128(seedParts.join('/'));
    // The first outputs of sfc32 still echo the seed; discard them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A whole number in [0, 2^32). */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A whole number in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** A whole number in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** A number in [min, max). */
  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Up to `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(this.int(pool.length), 1)[0]);
    return chosen;
  }

  /** Waiting time of a process that happens `rate` times per unit of time, on average. */
  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** A version-4-shaped uuid made of this generator's bits: deterministic, not secret. */
  uuid(): string {
    const w0 = this.uint32();
    const w1 = this.uint32();
    const w2 = this.uint32();
    const w3 = this.uint32();
    return (
      hex4(w0 >>> 16) +
      hex4(w0 & 0xffff) +
      '-' +
      hex4(w1 >>> 16) +
      '-' +
      hex4((w1 & 0x0fff) | 0x4000) +
      '-' +
      hex4(((w2 >>> 16) & 0x3fff) | 0x8000) +
      '-' +
      hex4(w2 & 0xffff) +
      hex4(w3 >>> 16) +
      hex4(w3 & 0xffff)
    );
  }
}

/**
 * Unique, deterministic uuids without drawing 128 bits each: a random prefix per sequence
 * (a programme) and a counter in the last eight hex digits.
 */
export class UuidSequence {
  private readonly prefix: string;
  private count = 0;

  constructor(random: Random) {
    this.prefix = random.uuid().slice(0, 28);
  }

  next(): string {
    const n = this.count++;
    return this.prefix + hex4((n / 0x10000) & 0xffff) + hex4(n & 0xffff);
  }
}

const HEX4 = Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0'));
const hex4 = (value: number) => HEX4[value];

/** cyrb128: spreads a string over four 32-bit words, so nearby seeds give unrelated streams. */
function hash128(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
