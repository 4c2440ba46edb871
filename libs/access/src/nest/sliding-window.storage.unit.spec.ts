import { SlidingWindowStorage } from './sliding-window.storage';

describe('SlidingWindowStorage (the write limit)', () => {
  const TTL = 10_000;
  const LIMIT = 3;
  let now: number;
  let storage: SlidingWindowStorage;
  beforeEach(() => {
    now = 1_000_000_000_000; // a window boundary: a multiple of 10 s
    storage = new SlidingWindowStorage(() => now);
  });
  const write = async (key = 'party-member:gemeente-vaals:t1', at?: number) => {
    if (at !== undefined) now = 1_000_000_000_000 + at;
    return storage.increment(key, TTL, LIMIT);
  };

  it('allows the limit within a window and refuses the next, saying when to try again', async () => {
    expect((await write(undefined, 0)).isBlocked).toBe(false);
    expect((await write(undefined, 1_000)).isBlocked).toBe(false);
    expect(await write(undefined, 2_000)).toMatchObject({ isBlocked: false, totalHits: 3 });
    // 3 s into the window: 7 s are left.
    expect(await write(undefined, 3_000)).toEqual({
      isBlocked: true,
      totalHits: 4,
      timeToExpire: 7,
      timeToBlockExpire: 7,
    });
  });

  it('slides: the previous window counts for the part it still overlaps', async () => {
    for (const at of [7_000, 8_000, 9_000]) expect((await write(undefined, at)).isBlocked).toBe(false);
    // At 10 s the sliding window (0–10 s) still holds all three.
    expect((await write(undefined, 10_000)).isBlocked).toBe(true);
    // At 15 s it covers half the previous window: floor(3 × 0.5) = 1 earlier hit, room for 2.
    expect((await write(undefined, 15_000)).isBlocked).toBe(false);
    expect((await write(undefined, 15_001)).isBlocked).toBe(false);
    expect((await write(undefined, 15_002)).isBlocked).toBe(true);
  });

  it('does not count refused writes, and keeps each principal to its own budget', async () => {
    for (let i = 0; i < 10; i++) await write(undefined, 1_000);
    expect((await write('party-member:gemeente-kampen:t2', 1_000)).isBlocked).toBe(false);
    // Two windows later only the allowed three were ever counted, and they are forgotten.
    expect((await write(undefined, 20_000)).isBlocked).toBe(false);
  });
});
