import { grown, grownLength } from './columns';

describe('columns', () => {
  it('reserves the length that growing one record at a time reaches', () => {
    // Grown step by step, as a projection does when a record does not fit.
    let column = new Int32Array(1024);
    for (let size = 1; size <= 20_000; size++) if (size > column.length) column = grown(column, size);
    // 1,024 × 1.5 a few times: 1,536, 2,304, 3,456, 5,184, 7,776, 11,664, 17,496, 26,244.
    expect(column.length).toBe(26_244);
    expect(grownLength(1024, 20_000)).toBe(26_244);
    expect(grownLength(1024, 1024)).toBe(1024);
    expect(grownLength(0, 1)).toBe(1024);
  });

  it('fills the new slots of a grown column when asked', () => {
    const column = grown(Int32Array.of(4, 5), 3, { least: 4, fill: -1 });
    expect([...column]).toEqual([4, 5, -1, -1]);
  });
});
