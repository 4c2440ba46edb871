import { findString, internFrom, internString, newStringPool, reserveStrings, stringAt } from './string-pool';

describe('a pool of interned strings', () => {
  const names = Array.from({ length: 5000 }, (_, i) => `bijeenkomst-${String(i).padStart(4, '0')}-ë`);

  it('numbers each string once, in the order first seen, and gives it back', () => {
    const pool = newStringPool();
    expect(names.map((name) => internString(pool, name))).toEqual(names.map((_, i) => i));
    expect(internString(pool, names[17])).toBe(17);
    expect(findString(pool, names[4321])).toBe(4321);
    expect(findString(pool, 'bijeenkomst-onbekend')).toBe(-1);
    expect(stringAt(pool, 4999)).toBe(names[4999]);
  });

  it('takes another pool’s strings after reserving room for them, growing nothing on the way', () => {
    const other = newStringPool();
    for (const name of names) internString(other, name);
    const pool = newStringPool();
    internString(pool, names[10]);
    internString(pool, 'rol-kampen-1');
    reserveStrings(pool, other.count, other.byteLength);
    const { bytes, starts, slots } = pool;
    const numbers = names.map((_, n) => internFrom(pool, other, n));
    expect(pool.bytes).toBe(bytes);
    expect(pool.starts).toBe(starts);
    expect(pool.slots).toBe(slots);
    // names[10] was there already; the others follow the two strings the pool held.
    expect(numbers[10]).toBe(0);
    expect(numbers[0]).toBe(2);
    expect(numbers.map((id) => stringAt(pool, id))).toEqual(names);
    expect(findString(pool, 'rol-kampen-1')).toBe(1);
  });
});
