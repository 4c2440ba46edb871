import { grown, growColumns, grownLength, intern, type Column } from '../core/columns';
import { ENTRY_COLUMNS, FACT_TYPES, type FactType, type Posting, type TimelineState } from './timeline.projection';
import { internFrom, reserveStrings } from './string-pool';

/**
 * A meeting's facts take what they concern from the meeting's own first fact or their own
 * data, and no other fact takes anything from a meeting's. So the timeline of a log can be
 * built in two parts, meetings (three quarters of a long log) and the rest, on two threads,
 * and merged: see mergeTimelines().
 */
export const MEETING_FACT_TYPES: readonly FactType[] = [
  'MeetingScheduled',
  'AttendanceRecorded',
  'AttendanceCorrected',
  'MeetingCancelled',
];
export const OTHER_FACT_TYPES: readonly FactType[] = FACT_TYPES.filter((type) => !MEETING_FACT_TYPES.includes(type));

/**
 * One timeline of two built from the same log's facts of two such sets of types (neither
 * taking anything from the other's facts), entries in position order. It answers every
 * question as one built from all the facts in order, and facts applied to it later land as
 * they would there. Numbers of strings may differ: `first`'s are kept and `second`'s new
 * strings come after. Both parts are taken over, not copied: use neither afterwards.
 */
export function mergeTimelines(first: TimelineState, second: TimelineState): TimelineState {
  if (second.count === 0) return first;
  const count = first.count + second.count;
  const [entryOfFirst, entryOfSecond] = entryNumbers(first, second);
  // Before the second part's streams join the first's pool.
  const firstStreams = first.streams.count;
  const id = numbersIn(second.ids.length, (n) => intern(first.ids, first.idIds, second.ids[n]));
  const type = numbersIn(second.types.length, (n) => intern(first.types, first.typeIds, second.types[n]));
  const actor = numbersIn(second.actors.length, (n) => intern(first.actors, first.actorIds, second.actors[n]));
  reserveStrings(first.streams, second.streams.count, second.streams.byteLength);
  const stream = numbersIn(second.streams.count, (n) => internFrom(first.streams, second.streams, n));
  // The merged columns are the second part's, merged into in place: no new memory (when it
  // has room, as the second lane's part has) and nothing for the collector.
  if (second.occurredAt.length < count) growColumns(second, ENTRY_COLUMNS, count);
  const column = <C extends Column>(key: EntryColumn, map?: Int32Array): C => {
    moveUp(second[key], entryOfSecond, map);
    scatter(second[key], first[key], entryOfFirst);
    return second[key] as C;
  };
  for (let j = 0; j < second.count; j++) second.partyStart[j] += first.partyPoolLength;

  const partyPool = new Int32Array(grownLength(0, first.partyPoolLength + second.partyPoolLength));
  partyPool.set(first.partyPool.subarray(0, first.partyPoolLength));
  for (let k = 0; k < second.partyPoolLength; k++) partyPool[first.partyPoolLength + k] = id[second.partyPool[k] + 1];

  const largePositions = new Map<number, string>();
  for (const [entry, position] of first.largePositions) largePositions.set(entryOfFirst[entry], position);
  for (const [entry, position] of second.largePositions) largePositions.set(entryOfSecond[entry], position);

  return {
    ...first,
    count,
    occurredAt: column('occurredAt'),
    recordedAt: column('recordedAt'),
    position: column('position'),
    largePositions,
    type: column('type', type),
    stream: column('stream', stream),
    actor: column('actor', actor),
    programme: column('programme', id),
    site: column('site', id),
    partyStart: column('partyStart'),
    partyCount: column('partyCount'),
    partyPool,
    partyPoolLength: first.partyPoolLength + second.partyPoolLength,
    streamFirst: streamFirsts(first, firstStreams, second, stream, entryOfFirst, entryOfSecond),
    siteJoined: mergedMaps(first.siteJoined, second.siteJoined, entryOfFirst, entryOfSecond),
    partyPostings: mergedPostings(first.partyPostings, second.partyPostings, id, entryOfFirst, entryOfSecond),
    sitePostings: mergedPostings(first.sitePostings, second.sitePostings, id, entryOfFirst, entryOfSecond),
    waiting: mergedWaiting(first.waiting, second.waiting, entryOfFirst, entryOfSecond),
    waitsFor: new Map([
      ...[...first.waitsFor].map(([entry, key]) => [entryOfFirst[entry], key] as const),
      ...[...second.waitsFor].map(([entry, key]) => [entryOfSecond[entry], key] as const),
    ]),
  };
}

type EntryColumn = (typeof ENTRY_COLUMNS)[number];

/** Each part's entries' numbers in the merged timeline: by position, as the log orders them. */
function entryNumbers(first: TimelineState, second: TimelineState): [Int32Array, Int32Array] {
  const ofFirst = new Int32Array(first.count);
  const ofSecond = new Int32Array(second.count);
  let i = 0;
  let j = 0;
  while (i < first.count || j < second.count) {
    const firstNext = j === second.count || (i < first.count && before(first, i, second, j));
    if (firstNext) ofFirst[i] = i++ + j;
    else ofSecond[j] = i + j++;
  }
  return [ofFirst, ofSecond];
}

function before(first: TimelineState, i: number, second: TimelineState, j: number): boolean {
  const a = first.position[i];
  const b = second.position[j];
  if (!Number.isNaN(a) && !Number.isNaN(b)) return a < b;
  return BigInt(first.largePositions.get(i) ?? a) < BigInt(second.largePositions.get(j) ?? b);
}

/**
 * The first part's number of each of the second part's strings, at the second's number + 1
 * (so that -1, none, stays -1).
 */
function numbersIn(count: number, numberOf: (n: number) => number): Int32Array {
  const numbers = new Int32Array(count + 1);
  numbers[0] = -1;
  for (let n = 0; n < count; n++) numbers[n + 1] = numberOf(n);
  return numbers;
}

/**
 * Moves a part's values up a column to their entries' merged numbers (each at or above its
 * own, so from the top down none is overwritten before it moves), mapped by a `numbersIn()`
 * table if given.
 */
function moveUp(column: Column, entries: Int32Array, map?: Int32Array): void {
  if (map) for (let k = entries.length - 1; k >= 0; k--) column[entries[k]] = map[column[k] + 1];
  else for (let k = entries.length - 1; k >= 0; k--) column[entries[k]] = column[k];
}

/** The other part's values into the gaps. */
function scatter(column: Column, values: Column, entries: Int32Array): void {
  for (let k = 0; k < entries.length; k++) column[entries[k]] = values[k];
}

function streamFirsts(
  first: TimelineState,
  firstStreams: number,
  second: TimelineState,
  stream: Int32Array,
  entryOfFirst: Int32Array,
  entryOfSecond: Int32Array,
): Int32Array {
  const firsts = new Int32Array(grownLength(0, first.streams.count)).fill(-1);
  for (let s = 0; s < firstStreams; s++) {
    const entry = first.streamFirst[s];
    if (entry !== -1) firsts[s] = entryOfFirst[entry];
  }
  for (let s = 0; s < second.streams.count; s++) {
    const entry = second.streamFirst[s];
    const merged = stream[s + 1];
    // A stream in both parts (which the split of types rules out) starts at its earlier fact.
    if (entry !== -1 && (firsts[merged] === -1 || entryOfSecond[entry] < firsts[merged]))
      firsts[merged] = entryOfSecond[entry];
  }
  return firsts;
}

function mergedMaps<K>(
  first: Map<K, number>,
  second: Map<K, number>,
  entryOfFirst: Int32Array,
  entryOfSecond: Int32Array,
): Map<K, number> {
  const merged = new Map<K, number>();
  for (const [key, entry] of first) merged.set(key, entryOfFirst[entry]);
  // As when applied in order, the later fact for a key (a site joining twice) counts.
  for (const [key, entry] of second) merged.set(key, Math.max(merged.get(key) ?? -1, entryOfSecond[entry]));
  return merged;
}

function mergedWaiting(
  first: Map<string, number[]>,
  second: Map<string, number[]>,
  entryOfFirst: Int32Array,
  entryOfSecond: Int32Array,
): Map<string, number[]> {
  const merged = new Map<string, number[]>();
  for (const [key, entries] of first)
    merged.set(
      key,
      entries.map((entry) => entryOfFirst[entry]),
    );
  for (const [key, entries] of second) {
    merged.set(key, [...(merged.get(key) ?? []), ...entries.map((entry) => entryOfSecond[entry])]);
  }
  return merged;
}

/**
 * Each key's entries from both parts, in entry order where each part had them so (queries
 * sort a posting before use; see sortedSubset). A part's postings are renumbered in place.
 */
function mergedPostings(
  first: Posting[],
  second: Posting[],
  id: Int32Array,
  entryOfFirst: Int32Array,
  entryOfSecond: Int32Array,
): Posting[] {
  const merged: Posting[] = [];
  first.forEach((posting, key) => (merged[key] = renumbered(posting, entryOfFirst)));
  second.forEach((posting, key) => {
    const own = renumbered(posting, entryOfSecond);
    const other = merged[id[key + 1]];
    merged[id[key + 1]] = other === undefined ? own : interleaved(other, own);
  });
  return merged;
}

function renumbered(posting: Posting, entries: Int32Array): Posting {
  for (let k = 0; k < posting.length; k++) posting.items[k] = entries[posting.items[k]];
  return posting;
}

/** `b`'s entries merged into `a` by entry number, from the top down (in place where `a` has room). */
function interleaved(a: Posting, b: Posting): Posting {
  const length = a.length + b.length;
  if (a.items.length < length) a.items = grown(a.items, length, { least: 16 });
  let i = a.length - 1;
  for (let j = b.length - 1, k = length - 1; j >= 0; k--)
    a.items[k] = i >= 0 && a.items[i] > b.items[j] ? a.items[i--] : b.items[j--];
  a.length = length;
  return a;
}
