import { types } from 'node:util';

/**
 * View states cross from the second lane's thread with every buffer moved, not copied,
 * arrays of small growable lists (the timeline's 23,000 postings) packed into one buffer (a
 * structured clone moves each typed array as a buffer of its own, at a cost per buffer), and
 * lookups that only index a table of strings built again rather than cloned.
 */

/** Marks a packed value; view states have no key like it. */
const PACKED = '~packed';

/** An array (with holes) of growable lists `{ items, length }`, as one buffer. */
interface PackedLists {
  readonly [PACKED]: 'lists';
  readonly at: Int32Array;
  readonly lengths: Int32Array;
  readonly capacities: Int32Array;
  readonly items: Int32Array;
}

/** Stands in for a lookup of a table of strings (Projection.indexes), built again from the table. */
interface IndexOfTable {
  readonly [PACKED]: 'index';
  readonly of: string;
}

interface List {
  items: Int32Array;
  length: number;
}

/**
 * Replaces in place, in a state about to be handed over, each lookup that only indexes a table
 * of strings with a note of its table: the receiver builds it again (`unpacked()`). Handing back
 * presence's and the timeline's lookups (150,000 names) took 230 ms more than their tables
 * alone; building them again takes 150 (docs/benchmarks.md).
 */
export function withoutIndexes(state: object, indexes: readonly (readonly [table: string, index: string])[]): void {
  const fields = state as Record<string, unknown>;
  for (const [table, index] of indexes) fields[index] = { [PACKED]: 'index', of: table } satisfies IndexOfTable;
}

/**
 * `value` packed in place (it is being handed over), and the buffers to move with it. Other
 * Maps are left as they are.
 */
export function packed<T>(value: T): { message: T; transfer: ArrayBuffer[] } {
  const transfer = new Set<ArrayBuffer>();
  const pack = (item: unknown): unknown => {
    if (ArrayBuffer.isView(item)) transfer.add(item.buffer as ArrayBuffer);
    else if (Array.isArray(item) && isLists(item)) return pack(packedLists(item));
    else if (item !== null && typeof item === 'object') replaceFields(item, pack);
    return item;
  };
  return { message: pack(value) as T, transfer: [...transfer] };
}

/** What `packed()` was given. */
export function unpacked<T>(message: T): T {
  const unpack = (item: unknown): unknown => {
    if (ArrayBuffer.isView(item) || item === null || typeof item !== 'object') return item;
    const kind = (item as { [PACKED]?: string })[PACKED];
    if (kind === 'lists') return unpackedLists(item as PackedLists);
    // Built by the object that holds it, which holds its table too.
    if (kind === 'index') return item;
    replaceFields(item, unpack);
    rebuildIndexes(item);
    return item;
  };
  return unpack(message) as T;
}

/** Each field of an object (an item of an array, a value of a Map) replaced by what `by` makes of it. */
function replaceFields(item: object, by: (field: unknown) => unknown): void {
  if (types.isMap(item)) {
    for (const [key, value] of item) if (value !== null && typeof value === 'object') item.set(key, by(value));
    return;
  }
  const fields = item as Record<string | number, unknown>;
  const keys = Array.isArray(item) ? item.keys() : Object.keys(item);
  for (const key of keys) {
    const field = fields[key];
    // Strings and numbers (most items of large arrays) stay.
    if (field !== null && typeof field === 'object') fields[key] = by(field);
  }
}

function rebuildIndexes(item: object): void {
  if (types.isMap(item) || Array.isArray(item)) return;
  const fields = item as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const field = fields[key];
    if (field === null || typeof field !== 'object' || (field as Partial<IndexOfTable>)[PACKED] !== 'index') continue;
    const table = fields[(field as IndexOfTable).of] as readonly string[];
    const index = new Map<string, number>();
    for (let n = 0; n < table.length; n++) index.set(table[n], n);
    fields[key] = index;
  }
}

function isLists(array: unknown[]): array is (List | undefined)[] {
  let lists = 0;
  for (let key = 0; key < array.length; key++) {
    const item = array[key] as Partial<List> | undefined;
    if (item === undefined && !(key in array)) continue;
    if (!types.isInt32Array(item?.items) || typeof item.length !== 'number' || Object.keys(item).length !== 2)
      return false;
    lists++;
  }
  return lists > 0;
}

function packedLists(array: (List | undefined)[]): PackedLists {
  const at: number[] = [];
  const lengths: number[] = [];
  const capacities: number[] = [];
  array.forEach((list, key) => {
    at.push(key);
    lengths.push(list!.length);
    capacities.push(list!.items.length);
  });
  const items = new Int32Array(capacities.reduce((sum, capacity) => sum + capacity, 0));
  let offset = 0;
  array.forEach((list) => {
    items.set(list!.items, offset);
    offset += list!.items.length;
  });
  return {
    [PACKED]: 'lists',
    at: Int32Array.from(at),
    lengths: Int32Array.from(lengths),
    capacities: Int32Array.from(capacities),
    items,
  };
}

/** Each list a view on the one buffer, with the room it had; one that outgrows it is copied out. */
function unpackedLists({ at, lengths, capacities, items }: PackedLists): List[] {
  const array: List[] = [];
  for (let k = 0, offset = 0; k < at.length; offset += capacities[k++]) {
    array[at[k]] = { items: items.subarray(offset, offset + capacities[k]), length: lengths[k] };
  }
  return array;
}
