import type { Posting, TimelineState } from './timeline.projection';

/**
 * The index in timeline order: entries sorted by when they happened, then when they were
 * recorded, then position, so a fact recorded late lands where it happened. The index is
 * appended in log order; the order is worked out at query time and remembered, and the
 * next query puts only the entries added since into place (a binary search each and block
 * moves), so following a live log never sorts everything again.
 */
interface SortedList {
  items: Int32Array;
  length: number;
}

interface RememberedOrder {
  /** Every entry of the index, sorted; `length` is how many of the index it covers. */
  readonly all: SortedList;
  /** One party's or site's entries, sorted; `length` is how many of its posting it covers. */
  readonly subsets: Map<string, SortedList>;
  subsetEntries: number;
}

/** Remembered per state object: a saved-and-loaded state builds its own on its first query. */
const ORDERS = new WeakMap<TimelineState, RememberedOrder>();
/** Sorted subsets kept between queries, in entries (4 bytes each). */
const SUBSET_BUDGET = 4_000_000;
const MIN_RUN = 32;

/** Every entry, in timeline order. */
export function timelineOrder(state: TimelineState): Int32Array {
  const remembered = rememberedOrder(state);
  const { all } = remembered;
  if (all.length < state.count) {
    const fresh = new Int32Array(state.count - all.length);
    for (let k = 0; k < fresh.length; k++) fresh[k] = all.length + k;
    sortEntries(state, fresh);
    insertSorted(state, all, fresh);
  }
  return all.items.subarray(0, all.length);
}

/** One party's or site's entries (its posting), in timeline order. */
export function sortedSubset(state: TimelineState, key: string, posting: Posting | undefined): Int32Array {
  if (!posting) return new Int32Array(0);
  const remembered = rememberedOrder(state);
  let subset = remembered.subsets.get(key);
  if (subset) remembered.subsets.delete(key);
  else subset = { items: new Int32Array(0), length: 0 };
  // The most recently used is the last to be forgotten.
  remembered.subsets.set(key, subset);
  if (subset.length < posting.length) {
    const fresh = posting.items.slice(subset.length, posting.length);
    sortEntries(state, fresh);
    remembered.subsetEntries += fresh.length;
    insertSorted(state, subset, fresh);
  }
  for (const [oldKey, old] of remembered.subsets) {
    if (remembered.subsetEntries <= SUBSET_BUDGET || old === subset) break;
    remembered.subsets.delete(oldKey);
    remembered.subsetEntries -= old.length;
  }
  return subset.items.subarray(0, subset.length);
}

function rememberedOrder(state: TimelineState): RememberedOrder {
  let remembered = ORDERS.get(state);
  if (!remembered || remembered.all.length > state.count) {
    remembered = { all: { items: new Int32Array(0), length: 0 }, subsets: new Map(), subsetEntries: 0 };
    ORDERS.set(state, remembered);
  }
  return remembered;
}

/** Does entry `a` come before entry `b` in the timeline? */
export function before(state: TimelineState, a: number, b: number): boolean {
  const occurred = state.occurredAt[a] - state.occurredAt[b];
  if (occurred !== 0) return occurred < 0;
  const recorded = state.recordedAt[a] - state.recordedAt[b];
  if (recorded !== 0) return recorded < 0;
  const x = state.position[a];
  const y = state.position[b];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y;
  return BigInt(state.largePositions.get(a) ?? x) < BigInt(state.largePositions.get(b) ?? y);
}

/**
 * Sorts entry numbers in place into timeline order. Logs are mostly in order already, with
 * some facts recorded late: one pass keeps the entries that are in order, the others are
 * sorted apart and put into place by binary search.
 */
export function sortEntries(state: TimelineState, entries: Int32Array): void {
  const n = entries.length;
  if (n < 2) return;
  const late: number[] = [];
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const entry = entries[k];
    if (kept > 0 && before(state, entry, entries[kept - 1])) late.push(entry);
    else entries[kept++] = entry;
  }
  if (late.length === 0) return;
  const out = Int32Array.from(late);
  mergeSort(state, out);
  insertSorted(state, { items: entries, length: kept }, out);
}

/** A natural merge sort: runs found in the input are merged, short ones lengthened by insertion. */
function mergeSort(state: TimelineState, entries: Int32Array): void {
  const n = entries.length;
  if (n < 2) return;
  const bounds = [0];
  for (let start = 0; start < n;) {
    let end = start + 1;
    if (end < n && before(state, entries[end], entries[end - 1])) {
      while (end < n && before(state, entries[end], entries[end - 1])) end++;
      entries.subarray(start, end).reverse();
    } else {
      while (end < n && !before(state, entries[end], entries[end - 1])) end++;
    }
    // Short runs are lengthened by insertion: fewer merge passes over random input.
    const stop = Math.min(n, Math.max(end, start + MIN_RUN));
    for (let k = end; k < stop; k++) {
      const value = entries[k];
      let m = k - 1;
      while (m >= start && before(state, value, entries[m])) {
        entries[m + 1] = entries[m];
        m--;
      }
      entries[m + 1] = value;
    }
    start = stop;
    bounds.push(stop);
  }
  let source: Int32Array = entries;
  let target: Int32Array = new Int32Array(n);
  let runs = bounds;
  while (runs.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const high = r + 2 < runs.length ? runs[r + 2] : runs[r + 1];
      mergeRuns(state, source, runs[r], runs[r + 1], high, target);
      merged.push(high);
    }
    [source, target] = [target, source];
    runs = merged;
  }
  if (source !== entries) entries.set(source);
}

function mergeRuns(
  state: TimelineState,
  source: Int32Array,
  low: number,
  middle: number,
  high: number,
  target: Int32Array,
): void {
  let left = low;
  let right = middle;
  let out = low;
  while (left < middle && right < high) {
    target[out++] = before(state, source[right], source[left]) ? source[right++] : source[left++];
  }
  while (left < middle) target[out++] = source[left++];
  while (right < high) target[out++] = source[right++];
}

/**
 * Puts sorted new entries into a sorted list, from the back: each finds its place by binary
 * search and the known entries after it move up in one block. New facts that happened after
 * everything known (the live case) move nothing.
 */
function insertSorted(state: TimelineState, list: SortedList, fresh: Int32Array): void {
  if (fresh.length === 0) return;
  const size = list.length + fresh.length;
  if (size > list.items.length) {
    const items = new Int32Array(Math.max(size, Math.ceil(list.items.length * 1.5), 16));
    items.set(list.items.subarray(0, list.length));
    list.items = items;
  }
  const items = list.items;
  let end = list.length;
  let write = size;
  for (let f = fresh.length - 1; f >= 0; f--) {
    const entry = fresh[f];
    let low = 0;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(state, entry, items[middle])) high = middle;
      else low = middle + 1;
    }
    items.copyWithin(write - (end - low), low, end);
    write -= end - low;
    items[--write] = entry;
    end = low;
  }
  list.length = size;
}
