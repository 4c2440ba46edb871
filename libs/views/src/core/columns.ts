/**
 * Helpers for view state kept in columns (typed arrays, one slot per record) rather than
 * one object per record: a million records are a few arrays, cheap to keep, to save and
 * for the garbage collector to pass over.
 */

export type Column = Float64Array | Int32Array | Uint16Array | Uint8Array;

const LEAST_CAPACITY = 1024;

export interface Growth {
  /** The smallest length to grow to (default 1,024). */
  readonly least?: number;
  /** What the new slots hold (default 0), e.g. -1 for "none" in a column of record numbers. */
  readonly fill?: number;
}

/** A copy with room for at least `size` (half as much again: amortised O(1) appends, little slack). */
export function grown<A extends Column>(array: A, size: number, { least = LEAST_CAPACITY, fill }: Growth = {}): A {
  const next = new (array.constructor as new (length: number) => A)(Math.max(size, nextLength(array.length, least)));
  next.set(array);
  if (fill !== undefined && fill !== 0) next.fill(fill, array.length);
  return next;
}

/**
 * The length that growing one record at a time through `grown()` reaches to hold `size`
 * records: a state that reserves it at once ends up the same as one grown step by step.
 */
export function grownLength(length: number, size: number, least = LEAST_CAPACITY): number {
  let next = length;
  while (next < size) next = nextLength(next, least);
  return next;
}

/** One step of growth, the same for `grown()` and `grownLength()`. */
function nextLength(length: number, least: number): number {
  return Math.max(length + 1, Math.ceil(length * 1.5), least);
}

/** Grows the named columns of a state together, to hold at least `size` records. */
export function growColumns<S>(state: S, columns: readonly ColumnKey<S>[], size: number, growth?: Growth): void {
  for (const key of columns) state[key] = grown(state[key] as Column, size, growth) as S[ColumnKey<S>];
}

/** Shrinks the named columns of a state to `length` (copies), where they are longer. */
export function trimColumns<S>(state: S, columns: readonly ColumnKey<S>[], length: number): void {
  for (const key of columns) {
    const column = state[key] as Column;
    if (column.length > length) state[key] = column.slice(0, length) as S[ColumnKey<S>];
  }
}

type ColumnKey<S> = { [K in keyof S]: S[K] extends Column ? K : never }[keyof S];

/** The number of `value` in a table of strings, adding it first if it is new. */
export function intern(table: string[], ids: Map<string, number>, value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = table.length;
    table.push(value);
    ids.set(value, id);
  }
  return id;
}
