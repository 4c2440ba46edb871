import type { TimeWindow } from '../core/time-window';
import { stringAt } from './string-pool';
import { sortedSubset, timelineOrder } from './timeline-order';
import {
  CATEGORY_OF,
  FACT_CATEGORIES,
  partiesOf,
  positionOf,
  type FactCategory,
  type FactType,
  type TimelineState,
} from './timeline.projection';

export interface TimelineFilter {
  readonly programmeId?: string;
  readonly siteId?: string;
  readonly partyId?: string;
  /** One fact type. */
  readonly kind?: FactType;
  readonly category?: FactCategory;
  /** Facts that occurred from this moment on (epoch ms, inclusive). */
  readonly from?: number;
  /** Facts that occurred up to this moment (epoch ms, inclusive). */
  readonly to?: number;
  /** Facts recorded from this moment on (epoch ms, inclusive). */
  readonly recordedFrom?: number;
  /** Facts recorded up to this moment (epoch ms, inclusive). */
  readonly recordedTo?: number;
}

/** Where a page starts: after the entry the previous page ended with. */
export interface TimelineCursor {
  readonly occurredAt: number;
  readonly recordedAt: number;
  readonly position: string;
}

export interface TimelinePaging {
  readonly limit: number;
  readonly after?: TimelineCursor;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface TimelineEntry {
  readonly position: string;
  readonly type: string;
  readonly category: FactCategory | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly streamName: string;
  readonly actor: string | null;
  readonly programmeId: string | null;
  readonly siteId: string | null;
  readonly partyIds: string[];
  /** The stream's full history, e.g. `/history/commitment/kampen-wijkbudget`. */
  readonly history: string;
}

export interface TimelinePage {
  /** How many facts match, on every page. */
  readonly total: number;
  readonly limit: number;
  readonly entries: TimelineEntry[];
  /** Pass as `cursor` for the next page; null on the last. */
  readonly nextCursor: string | null;
}

export interface TypeCount {
  readonly type: string;
  readonly category: FactCategory | null;
  readonly count: number;
}

export interface TimelineChanges extends TimelinePage {
  /** Changes after this moment (exclusive), epoch ms as ISO text. */
  readonly after: string;
  /** Up to and including this moment. */
  readonly until: string;
  /** Which time the period is about: when facts occurred, or when the ledger recorded them. */
  readonly by: ChangeBasis;
  readonly byType: TypeCount[];
  readonly byCategory: { readonly category: FactCategory; readonly count: number }[];
}

export const CHANGE_BASES = ['occurred', 'recorded'] as const;
export type ChangeBasis = (typeof CHANGE_BASES)[number];

/**
 * Every fact in timeline order (occurred, then recorded, then position), filtered, one page
 * at a time. A party or site filter walks only that party's or site's entries; periods and
 * asOf are ranges of the ordered index, found by binary search.
 */
export function timelinePage(
  state: TimelineState,
  filter: TimelineFilter,
  window: TimeWindow,
  paging: TimelinePaging,
): TimelinePage {
  const { total, entries, more } = scan(state, filter, window, paging);
  return page(state, total, paging.limit, entries, more);
}

/**
 * What changed between two moments: the facts that occurred (or, by "recorded", were
 * recorded) after `after` and up to `until`, counted per type and per category, with the
 * first page of them.
 */
export function timelineChanges(
  state: TimelineState,
  period: { readonly after: number; readonly until: number; readonly by: ChangeBasis },
  filter: TimelineFilter,
  window: TimeWindow,
  paging: TimelinePaging,
): TimelineChanges {
  const bounds =
    period.by === 'occurred'
      ? {
          from: Math.max(filter.from ?? -Infinity, period.after + 1),
          to: Math.min(filter.to ?? Infinity, period.until),
        }
      : {
          recordedFrom: Math.max(filter.recordedFrom ?? -Infinity, period.after + 1),
          recordedTo: Math.min(filter.recordedTo ?? Infinity, period.until),
        };
  const perType = new Int32Array(state.types.length);
  const { total, entries, more } = scan(state, { ...filter, ...bounds }, window, paging, perType);
  const byType: TypeCount[] = [];
  const perCategory = new Map<FactCategory, number>(FACT_CATEGORIES.map((category) => [category, 0]));
  for (let type = 0; type < perType.length; type++) {
    if (perType[type] === 0) continue;
    const category = categoryOf(state.types[type]);
    byType.push({ type: state.types[type], category, count: perType[type] });
    if (category) perCategory.set(category, (perCategory.get(category) ?? 0) + perType[type]);
  }
  byType.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return {
    after: new Date(period.after).toISOString(),
    until: new Date(period.until).toISOString(),
    by: period.by,
    byType,
    byCategory: [...perCategory].map(([category, count]) => ({ category, count })),
    ...page(state, total, paging.limit, entries, more),
  };
}

function page(state: TimelineState, total: number, limit: number, entries: number[], more: boolean): TimelinePage {
  const last = entries[entries.length - 1];
  return {
    total,
    limit,
    entries: entries.map((entry) => entryOf(state, entry)),
    nextCursor: more && last !== undefined ? encodeCursor(cursorAt(state, last)) : null,
  };
}

interface Scan {
  readonly total: number;
  readonly entries: number[];
  readonly more: boolean;
}

const NOTHING: Scan = { total: 0, entries: [], more: false };

function scan(
  state: TimelineState,
  filter: TimelineFilter,
  window: TimeWindow,
  paging: TimelinePaging,
  perType?: Int32Array,
): Scan {
  const lookup = (id: string | undefined) => (id === undefined ? -1 : (state.idIds.get(id) ?? -2));
  const programme = lookup(filter.programmeId);
  const site = lookup(filter.siteId);
  const party = lookup(filter.partyId);
  const type = filter.kind === undefined ? -1 : (state.typeIds.get(filter.kind) ?? -2);
  if (programme === -2 || site === -2 || party === -2 || type === -2) return NOTHING;
  const category = filter.category;
  const categories = category ? state.types.map((t) => categoryOf(t)) : [];

  // The narrowest list that is already sorted: one party's facts, one site's, or all.
  const candidates =
    party >= 0
      ? sortedSubset(state, `party:${party}`, state.partyPostings[party])
      : site >= 0
        ? sortedSubset(state, `site:${site}`, state.sitePostings[site])
        : timelineOrder(state);
  const checkSite = site >= 0 && party >= 0;
  const occurredFrom = filter.from ?? -Infinity;
  const occurredTo = Math.min(filter.to ?? Infinity, window.asOf);
  const recordedFrom = filter.recordedFrom ?? -Infinity;
  const recordedTo = Math.min(filter.recordedTo ?? Infinity, window.knownAt);

  const start = firstOccurredFrom(state, candidates, occurredFrom);
  const end = firstOccurredFrom(state, candidates, occurredTo, true);
  const pageStart = paging.after ? Math.max(start, firstAfter(state, candidates, paging.after)) : start;

  const needsChecks =
    recordedFrom > -Infinity ||
    recordedTo < Infinity ||
    programme >= 0 ||
    checkSite ||
    type >= 0 ||
    category !== undefined;
  if (!needsChecks) {
    // Every candidate in the range matches: the page is a slice.
    if (perType) for (let k = start; k < end; k++) perType[state.type[candidates[k]]]++;
    const pageEnd = Math.min(end, pageStart + paging.limit);
    return {
      total: Math.max(0, end - start),
      entries: pageStart < pageEnd ? Array.from(candidates.subarray(pageStart, pageEnd)) : [],
      more: pageEnd < end,
    };
  }

  const { recordedAt, programme: programmes, site: sites, type: types } = state;
  let total = 0;
  let more = false;
  const entries: number[] = [];
  for (let k = start; k < end; k++) {
    const entry = candidates[k];
    const recorded = recordedAt[entry];
    if (recorded < recordedFrom || recorded > recordedTo) continue;
    if (programme >= 0 && programmes[entry] !== programme) continue;
    if (checkSite && sites[entry] !== site) continue;
    if (type >= 0 && types[entry] !== type) continue;
    if (category && categories[types[entry]] !== category) continue;
    total++;
    if (perType) perType[types[entry]]++;
    if (k < pageStart) continue;
    if (entries.length < paging.limit) entries.push(entry);
    else more = true;
  }
  return { total, entries, more };
}

/** The first place in `sorted` whose entry occurred at or after `at` (`past`: after it). */
function firstOccurredFrom(state: TimelineState, sorted: Int32Array, at: number, past = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const occurredAt = state.occurredAt[sorted[middle]];
    if (occurredAt < at || (past && occurredAt === at)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first place in `sorted` whose entry comes after the cursor. */
function firstAfter(state: TimelineState, sorted: Int32Array, cursor: TimelineCursor): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareToCursor(state, sorted[middle], cursor) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function compareToCursor(state: TimelineState, entry: number, cursor: TimelineCursor): number {
  return (
    state.occurredAt[entry] - cursor.occurredAt ||
    state.recordedAt[entry] - cursor.recordedAt ||
    comparePositions(positionOf(state, entry), cursor.position)
  );
}

/** Positions are digits without leading zeros: the longer is the later. */
const comparePositions = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

const categoryOf = (type: string): FactCategory | null => CATEGORY_OF[type as FactType] ?? null;

function entryOf(state: TimelineState, entry: number): TimelineEntry {
  const streamName = stringAt(state.streams, state.stream[entry]);
  const type = state.types[state.type[entry]];
  const actor = state.actor[entry];
  const programme = state.programme[entry];
  const site = state.site[entry];
  return {
    position: positionOf(state, entry),
    type,
    category: categoryOf(type),
    occurredAt: new Date(state.occurredAt[entry]).toISOString(),
    recordedAt: new Date(state.recordedAt[entry]).toISOString(),
    streamName,
    actor: actor === -1 ? null : state.actors[actor],
    programmeId: programme === -1 ? null : state.ids[programme],
    siteId: site === -1 ? null : state.ids[site],
    partyIds: partiesOf(state, entry),
    history: historyLink(streamName),
  };
}

/** Streams are named `<entity>-<id>` (a site's facts are in its programme's stream). */
function historyLink(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash < 0
    ? `/history/${encodeURIComponent(streamName)}`
    : `/history/${encodeURIComponent(streamName.slice(0, dash))}/${encodeURIComponent(streamName.slice(dash + 1))}`;
}

function cursorAt(state: TimelineState, entry: number): TimelineCursor {
  return {
    occurredAt: state.occurredAt[entry],
    recordedAt: state.recordedAt[entry],
    position: positionOf(state, entry),
  };
}

/** Opaque to clients: the sort key of the last entry shown. */
export function encodeCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.occurredAt, cursor.recordedAt, cursor.position])).toString('base64url');
}

/** The cursor a page handed out, or undefined when `text` is not one. */
export function decodeCursor(text: string): TimelineCursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [occurredAt, recordedAt, position] = parsed as unknown[];
  if (typeof occurredAt !== 'number' || !Number.isFinite(occurredAt)) return undefined;
  if (typeof recordedAt !== 'number' || !Number.isFinite(recordedAt)) return undefined;
  if (typeof position !== 'string' || !/^(0|[1-9]\d{0,38})$/.test(position)) return undefined;
  return { occurredAt, recordedAt, position };
}
