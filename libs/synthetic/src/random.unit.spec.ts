import { Random, UuidSequence } from './random';

const draws = (random: Random) => Array.from({ length: 5 }, () => random.uint32());

describe('the seeded generator', () => {
  it('repeats its numbers for the same seed', () => {
    expect(draws(new Random(42, 'programme', 3))).toEqual(draws(new Random(42, 'programme', 3)));
  });

  it('gives unrelated numbers for a neighbouring seed or label', () => {
    const base = draws(new Random(42, 'programme', 3));
    expect(draws(new Random(43, 'programme', 3))).not.toEqual(base);
    expect(draws(new Random(42, 'programme', 4))).not.toEqual(base);
  });

  it('stays within [0, 1) and within the bounds asked', () => {
    const random = new Random(1);
    const values = Array.from({ length: 10_000 }, () => random.next());
    const dice = Array.from({ length: 10_000 }, () => random.between(1, 6));
    expect(Math.min(...values) >= 0 && Math.max(...values) < 1).toBe(true);
    expect([...new Set(dice)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('makes version-4-shaped uuids, and sequences of them that do not repeat', () => {
    const sequence = new UuidSequence(new Random(7));
    const ids = [new Random(7).uuid(), ...Array.from({ length: 70_000 }, () => sequence.next())];
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !uuid.test(id))).toEqual([]);
    expect(new Set(ids.slice(1)).size).toBe(70_000);
  });
});
