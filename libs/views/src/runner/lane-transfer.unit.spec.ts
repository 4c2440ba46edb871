import { packed, unpacked, withoutIndexes } from './lane-transfer';

/** As a worker's postMessage does: a structured clone, with the listed buffers moved. */
const sent = <T>(value: T): T => {
  const { message, transfer } = packed(value);
  return unpacked(structuredClone(message, { transfer }));
};

describe('handing view states across threads', () => {
  const state = () => {
    const postings: { items: Int32Array; length: number }[] = [];
    postings[2] = { items: Int32Array.of(4, 9, 0, 0), length: 2 };
    postings[5] = { items: Int32Array.of(7), length: 1 };
    return {
      count: 3,
      column: Float64Array.of(1.5, 2.5, 3.5),
      ids: ['gemeente-utrecht', 'stichting-buurtkracht'],
      idIds: new Map([
        ['gemeente-utrecht', 0],
        ['stichting-buurtkracht', 1],
      ]),
      waiting: new Map([['site:s-1', [0, 2]]]),
      byKey: new Map([['k', { lists: [{ items: Int32Array.of(3), length: 1 }] }]]),
      largePositions: new Map([[1, '18446744073709551615']]),
      empty: new Map<string, number>(),
      postings,
      nested: { pool: { count: 1, bytes: Uint8Array.of(104, 105) } },
    };
  };

  it('gives back what it was given: Maps, lists with their room and holes, typed arrays, nested objects', () => {
    const received = sent(state());
    expect(received).toEqual(state());
    expect(received.idIds.get('stichting-buurtkracht')).toBe(1);
    expect(1 in received.postings).toBe(false);
    expect(received.postings[2].items).toEqual(Int32Array.of(4, 9, 0, 0));
  });

  it('moves the typed arrays’ buffers, and the lists in one buffer rather than one each', () => {
    const original = state();
    const { column, postings, nested } = original;
    const { message, transfer } = packed(original);
    expect(transfer).toContain(column.buffer);
    expect(transfer).toContain(nested.pool.bytes.buffer);
    expect(transfer).not.toContain(postings[2].items.buffer);
    structuredClone(message, { transfer });
    expect(column.byteLength).toBe(0);
  });

  it('sends a lookup of a table of strings as a note, and builds it again on arrival', () => {
    const original = { outer: state() };
    withoutIndexes(original.outer, [['ids', 'idIds']]);
    const { message, transfer } = packed(original);
    const clone = structuredClone(message, { transfer });
    expect(clone.outer.idIds).not.toBeInstanceOf(Map);
    const received = unpacked(clone);
    expect(received.outer).toEqual(state());
    expect(received.outer.idIds).toEqual(state().idIds);
  });

  it('lets a received list fill its room without touching its neighbours in the shared buffer', () => {
    const { postings } = sent(state());
    const list = postings[2];
    list.items[list.length++] = 11;
    list.items[list.length++] = 12;
    expect(Array.from(list.items)).toEqual([4, 9, 11, 12]);
    expect(Array.from(postings[5].items)).toEqual([7]);
  });
});
