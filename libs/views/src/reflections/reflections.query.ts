import { mayCountFact, mayReadFact, type PartyKindOf, type Principal } from '@samen/access';
import type { Visibility } from '@samen/ledger-kernel';
import type { ReflectionSubject } from '@samen/reflections/domain';
import type { LedgerViews } from '../ledger-views';
import { compareStamps, within, type TimeWindow } from '../core/time-window';
import type { ReflectionEntry } from './reflections.projection';

export interface ReflectionFilter {
  readonly programmeId?: string;
  readonly siteId?: string;
  /** Epoch milliseconds, inclusive: when the reflection happened. */
  readonly from?: number;
  readonly to?: number;
}

/** A reflection as a reader who may read it gets it. */
export interface ReflectionRow {
  readonly reflectionId: string;
  readonly programmeId: string;
  readonly subject: ReflectionSubject;
  /** The site it is about: the subject's, a meeting's host or a commitment's site; null for the programme. */
  readonly siteId: string | null;
  readonly byPartyId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly themes: readonly string[];
  readonly whatHappened: string;
  readonly learned: string;
  readonly visibility: Visibility;
}

export interface ReflectionCount {
  readonly key: string;
  readonly count: number;
}

/**
 * What a reader may count: every reflection it reads, and for a fund those it only counts
 * (funders-aggregate). Counts only: no words, author or date.
 */
export interface ReflectionCounts {
  readonly total: number;
  readonly byTheme: readonly ReflectionCount[];
  /** Reflections about the programme as a whole have no site and are in `total` only. */
  readonly bySite: readonly ReflectionCount[];
}

/**
 * The visibility that decides who reads a reflection is its latest, whatever the window:
 * narrowing one today hides it also from questions about yesterday.
 */
const visibilityNow = (entry: ReflectionEntry): Visibility =>
  entry.visibilities[entry.visibilities.length - 1].visibility;

const partyKindsOf =
  (views: LedgerViews): PartyKindOf =>
  (partyId) =>
    views.directory.parties.get(partyId)?.kind;

function siteOf(views: LedgerViews, subject: ReflectionSubject): string | null {
  switch (subject.kind) {
    case 'site':
      return subject.id;
    case 'meeting':
      return views.directory.meetings.get(subject.id)?.hostSiteId ?? null;
    case 'commitment':
      return views.commitments.byId.get(subject.id)?.origin?.siteId ?? null;
    case 'programme':
      return null;
  }
}

/** The reflections in the window and filter, oldest first, with the site each is about. */
function reflectionsIn(views: LedgerViews, filter: ReflectionFilter, window: TimeWindow) {
  const found: { entry: ReflectionEntry; siteId: string | null }[] = [];
  for (const entry of views.reflections.byId.values()) {
    if (!within(entry, window)) continue;
    if (filter.programmeId !== undefined && entry.programmeId !== filter.programmeId) continue;
    if (filter.from !== undefined && entry.occurredAt < filter.from) continue;
    if (filter.to !== undefined && entry.occurredAt > filter.to) continue;
    const siteId = siteOf(views, entry.subject);
    if (filter.siteId !== undefined && siteId !== filter.siteId) continue;
    found.push({ entry, siteId });
  }
  return found.sort((a, b) => compareStamps(a.entry, b.entry));
}

/** Every reflection the principal may read (the rule book decides each one), oldest first. */
export function readableReflections(
  views: LedgerViews,
  principal: Principal,
  filter: ReflectionFilter,
  window: TimeWindow,
): { reflections: ReflectionRow[] } {
  const kindOf = partyKindsOf(views);
  const reflections = reflectionsIn(views, filter, window)
    .filter(({ entry }) => mayReadFact(principal, visibilityNow(entry), kindOf, entry.byPartyId))
    .map(({ entry, siteId }) => ({
      reflectionId: entry.reflectionId,
      programmeId: entry.programmeId,
      subject: entry.subject,
      siteId,
      byPartyId: entry.byPartyId,
      occurredAt: new Date(entry.occurredAt).toISOString(),
      recordedAt: new Date(entry.recordedAt).toISOString(),
      themes: entry.themes,
      whatHappened: entry.whatHappened,
      learned: entry.learned,
      visibility: visibilityNow(entry),
    }));
  return { reflections };
}

/** How many reflections the principal may count, per theme and per site. */
export function reflectionCounts(
  views: LedgerViews,
  principal: Principal,
  filter: ReflectionFilter,
  window: TimeWindow,
): ReflectionCounts {
  const kindOf = partyKindsOf(views);
  const byTheme = new Map<string, number>();
  const bySite = new Map<string, number>();
  let total = 0;
  for (const { entry, siteId } of reflectionsIn(views, filter, window)) {
    if (!mayCountFact(principal, visibilityNow(entry), kindOf, entry.byPartyId)) continue;
    total++;
    for (const theme of entry.themes) byTheme.set(theme, (byTheme.get(theme) ?? 0) + 1);
    if (siteId !== null) bySite.set(siteId, (bySite.get(siteId) ?? 0) + 1);
  }
  const sorted = (counts: Map<string, number>) =>
    [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
  return { total, byTheme: sorted(byTheme), bySite: sorted(bySite) };
}

/**
 * The reader's class for remembered answers: everyone in one class gets the same answer
 * from the rule book, so answers are remembered per class, never shared across classes.
 * A member reads as its own party (restrictions name parties, and its own words are its).
 */
export const readerClass = (principal: Principal): string =>
  principal.kind === 'party-member' ? `party-member:${principal.partyId}` : principal.kind;
