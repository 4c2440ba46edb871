import { SlidingWindowStorage } from './sliding-window.storage';

describe('SlidingWindowStorage (the write limit)', () => {
  const TTL = 10_000;
  const LIMIT = 3;
  const START = 1_000_000_000_000; // a window boundary: a multiple of 10 s
  let now: number;
  let storage: SlidingWindowStorage;
  beforeEach(() => {
    now = START;
    storage = new SlidingWindowStorage(() => now);
  });
  const write = (at: number, key = 'party-member:gemeente-vaals:t1') => {
    now = START + at;
    return storage.increment(key, TTL, LIMIT);
  };

  it('allows the limit within a window and refuses the next, saying when one more fits', async () => {
    expect((await write(0)).isBlocked).toBe(false);
    expect((await write(1_000)).isBlocked).toBe(false);
    expect(await write(2_000)).toMatchObject({ isBlocked: false, totalHits: 3 });
    // 3 s in: the window ends in 7 s, and in the next one its three writes weigh
    // 3 × (1 − x) + 1 ≤ 3 only from x = 1/3, at 13.33 s: 10.33 s from now, so 11.
    expect(await write(3_000)).toEqual({ isBlocked: true, totalHits: 4, timeToExpire: 7, timeToBlockExpire: 11 });
    expect((await write(13_300)).isBlocked).toBe(true);
    expect((await write(13_400)).isBlocked).toBe(false);
  });

  it('slides: the previous window counts, exactly, for the part it still overlaps', async () => {
    for (const at of [9_990, 9_995, 9_999]) expect((await write(at)).isBlocked).toBe(false);
    // Two milliseconds later the sliding window still holds all three.
    expect((await write(10_001)).isBlocked).toBe(true);
    // At 15 s it covers half the previous window: 1.5 earlier writes, room for one.
    expect((await write(15_000)).isBlocked).toBe(false);
    // 1.5 + 1 + 1 > 3 until 3 × (1 − x) + 2 ≤ 3, x = 2/3: 16.67 s, so try again in 2 s.
    expect(await write(15_001)).toMatchObject({ isBlocked: true, timeToBlockExpire: 2 });
    expect((await write(16_700)).isBlocked).toBe(false);
  });

  it('does not count refused writes, and keeps each principal to its own budget', async () => {
    for (let i = 0; i < 10; i++) await write(1_000);
    expect((await write(1_000, 'party-member:gemeente-kampen:t2')).isBlocked).toBe(false);
    // Two windows later only the allowed three were ever counted, and they are forgotten.
    expect((await write(20_000)).isBlocked).toBe(false);
  });
});
