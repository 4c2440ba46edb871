import type { CommitmentKind, CommitmentStatus } from '@samen/commitments/domain';
import type { PartyKind } from '@samen/structure/domain';
import type { Stamp } from '../core/ledger-fact';
import { compareStamps, dutchDate, dutchMidnight, within, type TimeWindow } from '../core/time-window';
import type { Directory } from '../directory/directory.projection';
import {
  OUTCOME_OF,
  positionText,
  type CommitmentFact,
  type CommitmentHistoryType,
  type CommitmentOrigin,
  type CommitmentOutcome,
  type CommitmentRecord,
  type CommitmentsState,
  type Terms,
} from './commitments.projection';
import { judgedAt } from './judged-at';

export const COMMITMENT_STATUS_FILTERS = ['open', 'fulfilled', 'broken', 'withdrawn', 'overdue'] as const;
/** A status in the window, or 'overdue' for the open ones past their due date. */
export type CommitmentStatusFilter = (typeof COMMITMENT_STATUS_FILTERS)[number];

export interface CommitmentFilter {
  readonly programmeId?: string;
  readonly siteId?: string;
  /** The party that made it or one it was made to. */
  readonly partyId?: string;
  readonly status?: CommitmentStatusFilter;
  /** Made from this moment on (epoch ms). */
  readonly from?: number;
  /** Made up to this moment (epoch ms). */
  readonly to?: number;
}

export interface HistoryEvent {
  readonly type: CommitmentHistoryType;
  readonly actor: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: string;
}

export interface CommitmentAudit {
  readonly commitmentId: string;
  readonly programmeId: string;
  readonly siteId: string | null;
  readonly kind: CommitmentKind;
  readonly byPartyId: string;
  readonly byPartyName: string;
  readonly toPartyIds: readonly string[];
  /** The terms as they stood in the window, after the amendments in it. */
  readonly description: string;
  readonly amountInCents: number | null;
  readonly dueOn: string | null;
  readonly madeAt: string;
  readonly status: CommitmentStatus;
  /** When it was fulfilled, broken or withdrawn; null while open. */
  readonly closedAt: string | null;
  readonly overdue: boolean;
  readonly daysOverdue: number | null;
  /** Whoever is responsible now: the person named when it was made, or the last it was transferred to. */
  readonly ownerPersonId: string;
  readonly ownerRoleId: string | null;
  readonly history: HistoryEvent[];
}

export interface PartyCommitments {
  readonly partyId: string;
  readonly name: string;
  readonly kind: PartyKind | 'unknown';
  readonly made: number;
  readonly fulfilled: number;
  readonly broken: number;
  readonly withdrawn: number;
  readonly open: number;
  /** Of the open ones, those past their due date. */
  readonly overdue: number;
}

/**
 * The commitment audit: every commitment in the window with its terms, status, owner and
 * whole history, oldest first. `now` is the moment overdue is judged at when the question
 * has neither asOf nor knownAt (see {@link judgedAt}).
 */
export function commitmentAudit(
  directory: Directory,
  commitments: CommitmentsState,
  filter: CommitmentFilter,
  window: TimeWindow,
  now: number,
): { commitments: CommitmentAudit[] } {
  const day = judgedDay(judgedAt(window, now));
  const chosen: { record: CommitmentRecord; origin: CommitmentOrigin }[] = [];
  for (const record of candidates(commitments, filter)) {
    const origin = visibleOrigin(record, window);
    if (origin && matches(origin, filter)) chosen.push({ record, origin });
  }
  // Oldest first, sorted on the numbers before any text is made.
  chosen.sort(
    (a, b) => a.origin.occurredAt - b.origin.occurredAt || compareText(a.record.commitmentId, b.record.commitmentId),
  );
  const selected: CommitmentAudit[] = [];
  for (const { record, origin } of chosen) {
    const audit = auditOf(directory, record, origin, window, day);
    if (!filter.status || hasStatus(audit, filter.status)) selected.push(audit);
  }
  return { commitments: selected };
}

/** One commitment as it stood in the window; undefined when it was not made (or not known) by then. */
export function commitmentDetail(
  directory: Directory,
  commitments: CommitmentsState,
  commitmentId: string,
  window: TimeWindow,
  now: number,
): CommitmentAudit | undefined {
  const record = commitments.byId.get(commitmentId);
  const origin = record && visibleOrigin(record, window);
  return origin && auditOf(directory, record, origin, window, judgedDay(judgedAt(window, now)));
}

/** Per party that made them: how many it made, kept, broke, withdrew, and has open and overdue. */
export function commitmentsPerParty(
  directory: Directory,
  commitments: CommitmentsState,
  filter: CommitmentFilter,
  window: TimeWindow,
  now: number,
): { parties: PartyCommitments[] } {
  const day = judgedDay(judgedAt(window, now));
  const counts = new Map<string, Record<'made' | CommitmentStatus | 'overdue', number>>();
  for (const record of candidates(commitments, filter)) {
    const origin = visibleOrigin(record, window);
    if (!origin || !matches(origin, filter)) continue;
    // A party's row counts what it promised, also when the filter names the party it promised to.
    if (filter.partyId && origin.byPartyId !== filter.partyId) continue;
    const status = statusIn(record, window);
    // Only an open commitment can be overdue: the terms are read for those alone.
    const overdue = status === 'open' && daysOverdue(termsIn(record.facts, window).dueOn, day) !== null;
    if (filter.status && !(filter.status === 'overdue' ? overdue : status === filter.status)) continue;
    const row = counts.get(origin.byPartyId) ?? { made: 0, fulfilled: 0, broken: 0, withdrawn: 0, open: 0, overdue: 0 };
    row.made += 1;
    row[status] += 1;
    if (overdue) row.overdue += 1;
    counts.set(origin.byPartyId, row);
  }
  return {
    parties: [...counts.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([partyId, row]) => ({
        partyId,
        name: directory.parties.get(partyId)?.name ?? partyId,
        kind: directory.parties.get(partyId)?.kind ?? 'unknown',
        ...row,
      })),
  };
}

/** The records a filter can match, from the smallest index that covers it. */
function candidates(commitments: CommitmentsState, filter: CommitmentFilter): Iterable<CommitmentRecord> {
  const ids = filter.partyId
    ? commitments.byParty.get(filter.partyId)
    : filter.siteId
      ? commitments.bySite.get(filter.siteId)
      : undefined;
  if (!ids) return filter.partyId || filter.siteId ? [] : commitments.byId.values();
  return ids.flatMap((id) => commitments.byId.get(id) ?? []);
}

/** The record's origin, when the commitment was made (and recorded) in the window. */
function visibleOrigin(record: CommitmentRecord, window: TimeWindow): CommitmentOrigin | undefined {
  return record.origin && within(record.origin, window) ? record.origin : undefined;
}

function matches(origin: CommitmentOrigin, filter: CommitmentFilter): boolean {
  if (filter.programmeId && origin.programmeId !== filter.programmeId) return false;
  if (filter.siteId && origin.siteId !== filter.siteId) return false;
  if (filter.partyId && origin.byPartyId !== filter.partyId && !origin.toPartyIds.includes(filter.partyId)) {
    return false;
  }
  if (filter.from !== undefined && origin.occurredAt < filter.from) return false;
  if (filter.to !== undefined && origin.occurredAt > filter.to) return false;
  return true;
}

function hasStatus(audit: CommitmentAudit, status: CommitmentStatusFilter): boolean {
  return status === 'overdue' ? audit.overdue : audit.status === status;
}

function auditOf(
  directory: Directory,
  record: CommitmentRecord,
  origin: CommitmentOrigin,
  window: TimeWindow,
  day: JudgedDay,
): CommitmentAudit {
  const terms = termsIn(record.facts, window);
  const outcome = outcomeIn(record, window);
  const status = outcome?.status ?? 'open';
  const late = status === 'open' ? daysOverdue(terms.dueOn, day) : null;
  const owner = ownerIn(record.facts, window);
  return {
    commitmentId: record.commitmentId,
    programmeId: origin.programmeId,
    siteId: origin.siteId ?? null,
    kind: origin.kind,
    byPartyId: origin.byPartyId,
    byPartyName: directory.parties.get(origin.byPartyId)?.name ?? origin.byPartyId,
    toPartyIds: origin.toPartyIds,
    description: terms.description ?? '',
    amountInCents: terms.amountInCents ?? null,
    dueOn: terms.dueOn ?? null,
    madeAt: iso(origin.occurredAt),
    status,
    closedAt: outcome ? iso(outcome.occurredAt) : null,
    overdue: late !== null,
    daysOverdue: late,
    ownerPersonId: owner.personId,
    ownerRoleId: owner.roleId ?? null,
    history: historyIn(record, window),
  };
}

/** The status in the window: the latest outcome in it, else still open. */
export function statusIn(record: CommitmentRecord, window: TimeWindow): CommitmentStatus {
  return outcomeIn(record, window)?.status ?? 'open';
}

/** The fact that closed it (fulfilled, broken, withdrawn) in the window, if any: the latest. */
export function outcomeIn(
  record: CommitmentRecord,
  window: TimeWindow,
): { status: CommitmentOutcome; occurredAt: number } | undefined {
  let closing: CommitmentFact | undefined;
  for (const fact of record.facts) {
    if (OUTCOME_OF[fact.type] === undefined || !within(fact, window)) continue;
    if (!closing || compareStamps(fact, closing) >= 0) closing = fact;
  }
  const status = closing && OUTCOME_OF[closing.type];
  return closing && status ? { status, occurredAt: closing.occurredAt } : undefined;
}

/**
 * The terms in force in the window: each term from the latest version in the window that
 * states it. Versions are folded in the order they happened, not the order they arrived.
 */
export function termsIn(versions: readonly (Terms & Stamp)[], window: TimeWindow): Terms {
  let description: (Terms & Stamp) | undefined;
  let amount: (Terms & Stamp) | undefined;
  let due: (Terms & Stamp) | undefined;
  for (const version of versions) {
    if (!within(version, window)) continue;
    if (version.description !== undefined && isLater(version, description)) description = version;
    if (version.amountInCents !== undefined && isLater(version, amount)) amount = version;
    if (version.dueOn !== undefined && isLater(version, due)) due = version;
  }
  return { description: description?.description, amountInCents: amount?.amountInCents, dueOn: due?.dueOn };
}

/** Latest first wins; of two with the same stamp, the one read last. */
const isLater = (version: Stamp, current: Stamp | undefined) => !current || compareStamps(version, current) >= 0;

function ownerIn(facts: readonly CommitmentFact[], window: TimeWindow): { personId: string; roleId?: string } {
  let person: CommitmentFact | undefined;
  let role: CommitmentFact | undefined;
  for (const fact of facts) {
    if (!within(fact, window)) continue;
    if (fact.personId !== undefined && isLater(fact, person)) person = fact;
    if (fact.roleId !== undefined && isLater(fact, role)) role = fact;
  }
  // The made fact is in every window the commitment is in, so a person is always found.
  return { personId: person?.personId ?? '', ...(role?.roleId !== undefined && { roleId: role.roleId }) };
}

/**
 * Overdue is derived, never stored: a commitment is overdue when it is open and its due date
 * lies before the Dutch calendar date it is judged on (the asOf date; with no asOf, the
 * knownAt date; with neither, today). Due on the 1st, it is overdue from the 2nd, by 1 day.
 * Returns the whole days overdue, or null when it is not overdue (or has no due date).
 */
export function daysOverdue(dueOn: string | undefined, day: JudgedDay): number | null {
  if (dueOn === undefined || dueOn >= day.date) return null;
  return Math.round((day.midnight - dutchMidnight(dueOn)) / 86_400_000);
}

/** The day a question is judged on: its Dutch date and the midnight it began, worked out once. */
export interface JudgedDay {
  readonly date: string;
  readonly midnight: number;
}

export function judgedDay(at: number): JudgedDay {
  const date = dutchDate(at);
  return { date, midnight: dutchMidnight(date) };
}

function historyIn(record: CommitmentRecord, window: TimeWindow): HistoryEvent[] {
  return record.facts
    .filter((entry) => within(entry, window))
    .sort((a, b) => compareStamps(a, b) || comparePositions(a.position, b.position))
    .map((entry) => ({
      type: entry.type,
      actor: entry.actor ?? null,
      occurredAt: iso(entry.occurredAt),
      recordedAt: iso(entry.recordedAt),
      position: positionText(entry.position),
    }));
}

/** Positions are numbers, or decimal text when too large for one: the shorter text is the smaller. */
function comparePositions(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x.length - y.length || compareText(x, y);
}

const iso = (at: number) => new Date(at).toISOString();

/** Plain code-point order: the same on every machine, and faster than localeCompare on many rows. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
