import type { CommitmentKind } from '@samen/commitments/domain';
import { compareStamps, daysBetween, dutchDate, within, type TimeWindow } from '../core/time-window';
import type { Directory, MeetingEntry } from '../directory/directory.projection';
import type { Presence } from '../presence/presence.projection';
import { countsTowardRate, partiesPresentAt } from '../presence/presence.query';
import type { Continuity, SeatCommitment, SeatHandover, SeatVacated } from './continuity.projection';
import {
  compareIds,
  compareParties,
  partyLabel,
  seatRow,
  seatsInScope,
  type PartyLabel,
  type SeatFilter,
  type SeatInScope,
  type SeatRow,
  type Tenure,
} from './seats';

export interface ContinuityFilter extends SeatFilter {
  /** Departures (and the holder periods and vacancies shown) from this moment on, epoch ms. */
  readonly from?: number;
  /** Up to this moment, epoch ms. */
  readonly to?: number;
}

/** The views continuity reads: the seats and their commitments, and for attendance the meetings and presence. */
export interface ContinuitySources {
  readonly directory: Directory;
  readonly continuity: Continuity;
  readonly presence: Presence;
}

export interface HolderPeriod {
  readonly personId: string;
  /** Dutch calendar dates; `to` is null while the person holds the seat. */
  readonly from: string;
  readonly to: string | null;
}

export interface VacancyPeriod {
  readonly from: string;
  /** The day the successor was appointed; null while still vacant. */
  readonly to: string | null;
  readonly days: number;
  readonly open: boolean;
}

export interface SeatHistory {
  readonly roleId: string;
  readonly title: string;
  readonly siteId: string | null;
  readonly programmeId: string | null;
  /** Who holds it at the end of the window; null while vacant. */
  readonly currentHolder: string | null;
  readonly holders: HolderPeriod[];
  readonly vacancies: VacancyPeriod[];
}

export type OrphanEnd = 'transferred' | 'handed-over' | 'fulfilled' | 'broken' | 'withdrawn';

export interface OrphanedCommitment extends SeatRow {
  readonly commitmentId: string;
  readonly commitmentKind: CommitmentKind | null;
  /** The holder whose departure left it without an owner. */
  readonly departedPersonId: string;
  readonly orphanedOn: string;
  /** The day it got an owner again or stopped being open; null while still orphaned. */
  readonly orphanedUntil: string | null;
  readonly days: number;
  readonly stillOrphaned: boolean;
  readonly endedBy: OrphanEnd | null;
}

export interface AttendanceCount {
  /** Collective meetings that took place in those 90 days and expected the party. */
  readonly expected: number;
  /** Of those, the ones where at least one person was present for it. */
  readonly attended: number;
  /** attended / expected, rounded to 3 decimals; null when none was expected. */
  readonly rate: number | null;
}

export interface HandoverSummary {
  readonly handoverId: string;
  readonly handedOverOn: string;
  /** Null: handed to the party itself, nobody found yet. */
  readonly toPersonId: string | null;
  readonly introducedToPartners: boolean;
  readonly transferredCommitmentIds: readonly string[];
}

export interface Departure extends SeatRow {
  readonly programmeId: string | null;
  readonly personId: string;
  readonly departedOn: string;
  readonly departedAt: string;
  /** The handover by the person who left, recorded before or after leaving; null when none (yet). */
  readonly handover: HandoverSummary | null;
  readonly successorPersonId: string | null;
  readonly successorAppointedOn: string | null;
  /** From the departure to the successor's appointment, or to asOf (or today) while vacant. */
  readonly vacancyDays: number;
  readonly stillVacant: boolean;
  readonly orphanedCommitmentIds: string[];
  /** The party's attendance in the 90 days before the departure and in the 90 days from it. */
  readonly attendance: { readonly before: AttendanceCount; readonly after: AttendanceCount };
}

/** Three or more departures within 90 days: overlapping such windows merged into one burst. */
export interface Burst {
  readonly from: string;
  readonly to: string;
  readonly departures: number;
  readonly maxIn90Days: number;
  readonly personIds: string[];
}

export interface TurnoverSummary {
  readonly departures: number;
  readonly withHandover: number;
  /** withHandover / departures, rounded to 3 decimals; null without departures. */
  readonly handoverShare: number | null;
  readonly maxDeparturesIn90Days: number;
  readonly threeOrMoreIn90Days: boolean;
  readonly bursts: Burst[];
  readonly vacancyDays: number;
  readonly openVacancies: number;
  readonly orphanedCommitments: number;
  readonly stillOrphaned: number;
  readonly orphanedDays: number;
}

export interface PartyContinuity extends PartyLabel, TurnoverSummary {
  readonly seats: SeatHistory[];
}

export interface SiteContinuity extends TurnoverSummary {
  readonly siteId: string;
  readonly name: string;
  readonly programmeId: string | null;
  readonly gemeentePartyId: string | null;
  readonly roleIds: string[];
}

export type ContinuityTotals = Omit<TurnoverSummary, 'maxDeparturesIn90Days' | 'threeOrMoreIn90Days' | 'bursts'> & {
  /** Parties with three or more departures within some 90 days. */
  readonly partiesWithThreeOrMoreIn90Days: number;
};

export interface ContinuityReport {
  readonly parties: PartyContinuity[];
  readonly sites: SiteContinuity[];
  readonly departures: Departure[];
  readonly orphanedCommitments: OrphanedCommitment[];
  readonly totals: ContinuityTotals;
}

const DAY_MS = 86_400_000;
/** The span of "the 90 days before" and "the 90 days after" a departure. */
const NINETY_DAYS_MS = 90 * DAY_MS;
/** Three departures in 90 days is what the programme calls a burst of staff turnover. */
const BURST_SIZE = 3;

/**
 * Continuity after staff turnover: per party (gemeenten first) and per site, who held each
 * seat when, every departure with its vacancy, handover, orphaned commitments and the
 * party's attendance around it, and bursts of three or more departures within 90 days.
 *
 * Open-ended spans (a seat still vacant, a commitment still orphaned) run to asOf, or to
 * `now` when asOf is later or not given: `now` is passed in so the query stays pure.
 */
export function continuityReport(
  sources: ContinuitySources,
  filter: ContinuityFilter,
  window: TimeWindow,
  now: number,
): ContinuityReport {
  const { directory, continuity } = sources;
  const until = Math.min(window.asOf, now);
  const inPeriod = (at: number) =>
    (filter.from === undefined || at >= filter.from) && (filter.to === undefined || at <= filter.to);

  const departures: Departure[] = [];
  const orphansOfDeparture = new Map<Departure, OrphanedCommitment[]>();
  const parties = new Map<string, { label: PartyLabel; seats: SeatHistory[]; departures: Departure[] }>();
  const sites = new Map<string, { roleIds: string[]; departures: Departure[] }>();

  const seats = seatsInScope(directory, continuity, filter, window);
  const attendance = attendanceAround(sources, { asOf: until, knownAt: window.knownAt });
  for (const scoped of seats) {
    const { seat } = scoped;
    const label = partyLabel(directory, seat.partyId, window);
    const orphansByTenure = orphanPeriods(scoped, continuity, window);
    const seatDepartures: Departure[] = [];
    scoped.tenures.forEach((tenure, index) => {
      if (!tenure.end || !inPeriod(tenure.end.occurredAt)) return;
      const orphans = (orphansByTenure.get(index) ?? []).map((orphan): OrphanedCommitment => ({
        commitmentId: orphan.commitment.commitmentId,
        commitmentKind: orphan.commitment.kind ?? null,
        ...seatRow(seat, label),
        departedPersonId: tenure.personId,
        orphanedOn: dutchDate(orphan.from),
        orphanedUntil: orphan.end ? dutchDate(orphan.end.at) : null,
        days: Math.max(0, daysBetween(orphan.from, orphan.end?.at ?? until)),
        stillOrphaned: !orphan.end,
        endedBy: orphan.end?.by ?? null,
      }));
      const departure = departureOf(scoped, label, tenure, tenure.end, orphans, until, attendance);
      orphansOfDeparture.set(departure, orphans);
      seatDepartures.push(departure);
    });
    departures.push(...seatDepartures);

    const party = parties.get(label.partyId) ?? { label, seats: [], departures: [] };
    party.seats.push(seatHistoryOf(scoped, filter, until));
    party.departures.push(...seatDepartures);
    parties.set(label.partyId, party);
    for (const siteId of scoped.siteIds) {
      if (filter.siteId && siteId !== filter.siteId) continue;
      const site = sites.get(siteId) ?? { roleIds: [], departures: [] };
      site.roleIds.push(seat.roleId);
      site.departures.push(...seatDepartures);
      sites.set(siteId, site);
    }
  }

  const orphansOf = (list: readonly Departure[]) => list.flatMap((d) => orphansOfDeparture.get(d) ?? []);
  const partyReports = [...parties.values()]
    .sort((a, b) => compareParties(a.label, b.label))
    .map(({ label, seats, departures: partyDepartures }): PartyContinuity => ({
      ...label,
      ...summarize(partyDepartures.sort(byDeparture), orphansOf(partyDepartures)),
      seats,
    }));
  const siteReports = [...sites.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([siteId, site]): SiteContinuity => {
      const entry = directory.sites.get(siteId);
      const known = entry && within(entry, window) ? entry : undefined;
      return {
        siteId,
        name: known?.name ?? siteId,
        programmeId: known?.programmeId ?? null,
        gemeentePartyId: known?.gemeentePartyId ?? null,
        ...summarize(site.departures.sort(byDeparture), orphansOf(site.departures)),
        roleIds: site.roleIds.sort(),
      };
    });
  departures.sort(byDeparture);
  const orphanedCommitments = orphansOf(departures);
  const {
    maxDeparturesIn90Days: _max,
    threeOrMoreIn90Days: _flag,
    bursts: _bursts,
    ...totals
  } = summarize(departures, orphanedCommitments);
  return {
    parties: partyReports,
    sites: siteReports,
    departures,
    orphanedCommitments,
    totals: { ...totals, partiesWithThreeOrMoreIn90Days: partyReports.filter((p) => p.threeOrMoreIn90Days).length },
  };
}

/** Departures in the order they happened; the same moment is broken by seat and person, never by arrival. */
const byDeparture = (a: Departure, b: Departure) =>
  compareIds(a.departedAt, b.departedAt) || compareIds(a.roleId, b.roleId) || compareIds(a.personId, b.personId);

function departureOf(
  { seat }: SeatInScope,
  party: PartyLabel,
  tenure: Tenure,
  end: SeatVacated,
  orphans: readonly OrphanedCommitment[],
  until: number,
  attendance: (partyId: string, at: number) => Departure['attendance'],
): Departure {
  const { handover, successor } = tenure;
  const vacantUntil = successor?.occurredAt ?? until;
  return {
    ...seatRow(seat, party),
    programmeId: seat.programmeId ?? null,
    personId: tenure.personId,
    departedOn: dutchDate(end.occurredAt),
    departedAt: new Date(end.occurredAt).toISOString(),
    handover: handover
      ? {
          handoverId: handover.handoverId,
          handedOverOn: handover.handedOverOn,
          toPersonId: handover.toPersonId,
          introducedToPartners: handover.introducedToPartners,
          transferredCommitmentIds: handover.transferredCommitmentIds,
        }
      : null,
    successorPersonId: successor?.personId ?? null,
    successorAppointedOn: successor ? dutchDate(successor.occurredAt) : null,
    vacancyDays: Math.max(0, daysBetween(end.occurredAt, vacantUntil)),
    stillVacant: !successor,
    orphanedCommitmentIds: orphans.map((o) => o.commitmentId),
    attendance: attendance(party.partyId, end.occurredAt),
  };
}

function seatHistoryOf({ seat, tenures }: SeatInScope, filter: ContinuityFilter, until: number): SeatHistory {
  const overlaps = (from: number, to: number | undefined) =>
    (filter.to === undefined || from <= filter.to) && (filter.from === undefined || (to ?? until) >= filter.from);
  const last = tenures[tenures.length - 1];
  return {
    roleId: seat.roleId,
    title: seat.title,
    siteId: seat.siteId ?? null,
    programmeId: seat.programmeId ?? null,
    currentHolder: last && !last.end ? last.personId : null,
    holders: tenures
      .filter((t) => overlaps(t.start.occurredAt, t.end?.occurredAt))
      .map((t) => ({
        personId: t.personId,
        from: dutchDate(t.start.occurredAt),
        to: t.end ? dutchDate(t.end.occurredAt) : null,
      })),
    vacancies: tenures.flatMap((t) => {
      if (!t.end || !overlaps(t.end.occurredAt, t.successor?.occurredAt)) return [];
      const to = t.successor?.occurredAt;
      return [
        {
          from: dutchDate(t.end.occurredAt),
          to: to === undefined ? null : dutchDate(to),
          days: Math.max(0, daysBetween(t.end.occurredAt, to ?? until)),
          open: to === undefined,
        },
      ];
    }),
  };
}

interface OrphanPeriod {
  readonly commitment: SeatCommitment;
  /** The departure: from when the commitment had no owner. */
  readonly from: number;
  /** What gave it an owner again or closed it, and when; undefined while still orphaned. */
  readonly end?: { readonly at: number; readonly by: OrphanEnd };
}

/**
 * The commitments each departure from a seat left without an owner, per tenure index.
 *
 * The rule: a commitment made through a role (`byRoleId`, or moved to one by a transfer
 * naming `toRoleId`) belongs to whoever holds that seat. When the holder leaves, every
 * commitment of the seat that is open at that moment is orphaned, unless a handover by that
 * holder, made at or before the departure, lists it in `transferredCommitmentIds`. It stays
 * orphaned from the departure until the first of:
 *   - a CommitmentOwnershipTransferred for it;
 *   - a later HandoverRecorded on that seat that lists it (by the departing holder, written
 *     down after leaving, or by a later holder of the seat);
 *   - it stops being open (CommitmentFulfilled, CommitmentBroken, CommitmentWithdrawn).
 * With none of these in the window it is still orphaned, up to asOf (or today). Appointing
 * a successor does not by itself give it an owner: somebody must take it over. A commitment
 * already orphaned by an earlier departure is not orphaned again by a later one. Something
 * that happens at the very moment of the departure counts as before it. Everything is judged
 * by when it happened (occurredAt), on the facts known in the window.
 */
function orphanPeriods(
  { seat, facts, tenures }: SeatInScope,
  continuity: Continuity,
  window: TimeWindow,
): Map<number, OrphanPeriod[]> {
  const result = new Map<number, OrphanPeriod[]>();
  const bound = (continuity.commitmentsBySeat.get(seat.roleId) ?? [])
    .map((id) => continuity.commitments.get(id))
    .filter((c): c is SeatCommitment => c !== undefined && within(c, window))
    .sort((a, b) => compareStamps(a, b) || compareIds(a.commitmentId, b.commitmentId));
  if (bound.length === 0) return result;
  const handovers = facts.filter((fact): fact is SeatHandover => fact.kind === 'handover');
  /** Per commitment, until when an earlier departure left it orphaned (Infinity: still). */
  const orphanedUntil = new Map<string, number>();

  tenures.forEach((tenure, index) => {
    if (!tenure.end) return;
    const departedAt = tenure.end.occurredAt;
    const periods: OrphanPeriod[] = [];
    for (const commitment of bound) {
      if (commitment.occurredAt > departedAt) continue;
      const { commitmentId } = commitment;
      const changes = commitment.changes.filter((change) => within(change, window));
      if (seatAt(commitment, changes, departedAt) !== seat.roleId) continue;
      if (changes.some((change) => change.kind !== 'transferred' && change.occurredAt <= departedAt)) continue;
      if ((orphanedUntil.get(commitmentId) ?? Number.NEGATIVE_INFINITY) > departedAt) continue;
      const handedOver = tenure.handover;
      if (
        handedOver &&
        handedOver.occurredAt <= departedAt &&
        handedOver.transferredCommitmentIds.includes(commitmentId)
      ) {
        continue;
      }
      let end: OrphanPeriod['end'];
      const consider = (at: number, by: OrphanEnd) => {
        if (at >= departedAt && (!end || at < end.at)) end = { at, by };
      };
      for (const change of changes) consider(change.occurredAt, change.kind);
      for (const handover of handovers) {
        if (handover.transferredCommitmentIds.includes(commitmentId)) consider(handover.occurredAt, 'handed-over');
      }
      if (end && end.at <= departedAt) continue;
      orphanedUntil.set(commitmentId, end?.at ?? Number.POSITIVE_INFINITY);
      periods.push({ commitment, from: departedAt, ...(end && { end }) });
    }
    if (periods.length > 0) result.set(index, periods);
  });
  return result;
}

/** The seat a commitment belonged to at a moment: the role it was made through, or the last one a transfer named. */
function seatAt(commitment: SeatCommitment, changes: SeatCommitment['changes'], at: number): string | undefined {
  let roleId = commitment.byRoleId;
  for (const change of changes) {
    if (change.occurredAt > at) continue;
    if (change.kind === 'transferred' && change.toRoleId !== undefined) roleId = change.toRoleId;
  }
  return roleId;
}

/**
 * The party's attendance in the 90 days before a departure and in the 90 days from it, over
 * the collective meetings that took place and expected it: the presence view's own rules
 * (countsTowardRate, partiesPresentAt). Each party's meetings are found through the
 * directory's index and lined up once per question (dates, and how many were attended up
 * to each), so a departure costs two binary searches however many meetings there were.
 */
function attendanceAround(
  { directory, presence }: ContinuitySources,
  window: TimeWindow,
): (partyId: string, at: number) => Departure['attendance'] {
  const present = new Map<string, Set<string>>();
  const lines = new Map<string, { startsAt: number[]; attendedBefore: number[] }>();
  const lineOf = (partyId: string) => {
    let line = lines.get(partyId);
    if (line) return line;
    const meetings: MeetingEntry[] = [];
    for (const meetingId of directory.meetingsExpecting.get(partyId) ?? []) {
      const meeting = directory.meetings.get(meetingId);
      if (meeting && countsTowardRate(meeting, window)) {
        meetings.push(meeting);
      }
    }
    meetings.sort((a, b) => a.startsAt - b.startsAt);
    line = { startsAt: meetings.map((m) => m.startsAt), attendedBefore: [0] };
    for (const meeting of meetings) {
      let parties = present.get(meeting.meetingId);
      if (!parties) {
        parties = partiesPresentAt(presence, meeting.meetingId, window);
        present.set(meeting.meetingId, parties);
      }
      line.attendedBefore.push(line.attendedBefore[line.attendedBefore.length - 1] + (parties.has(partyId) ? 1 : 0));
    }
    lines.set(partyId, line);
    return line;
  };
  const count = (partyId: string, from: number, to: number): AttendanceCount => {
    const { startsAt, attendedBefore } = lineOf(partyId);
    const first = firstAtOrAfter(startsAt, from);
    const end = firstAtOrAfter(startsAt, to);
    const attended = attendedBefore[end] - attendedBefore[first];
    return { expected: end - first, attended, rate: ratio(attended, end - first) };
  };
  return (partyId, at) => ({
    before: count(partyId, at - NINETY_DAYS_MS, at),
    after: count(partyId, at, at + NINETY_DAYS_MS),
  });
}

/** The index of the first moment at or after `at` in ascending `moments`. */
function firstAtOrAfter(moments: readonly number[], at: number): number {
  let low = 0;
  let high = moments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (moments[middle] < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

function summarize(departures: readonly Departure[], orphans: readonly OrphanedCommitment[]): TurnoverSummary {
  const withHandover = departures.filter((d) => d.handover !== null).length;
  const { max, bursts } = burstsOf(departures);
  return {
    departures: departures.length,
    withHandover,
    handoverShare: ratio(withHandover, departures.length),
    maxDeparturesIn90Days: max,
    threeOrMoreIn90Days: max >= BURST_SIZE,
    bursts,
    vacancyDays: departures.reduce((sum, d) => sum + d.vacancyDays, 0),
    openVacancies: departures.filter((d) => d.stillVacant).length,
    orphanedCommitments: orphans.length,
    stillOrphaned: orphans.filter((o) => o.stillOrphaned).length,
    orphanedDays: orphans.reduce((sum, o) => sum + o.days, 0),
  };
}

/**
 * The most departures within any 90 calendar days (a first and a last departure at most 89
 * days apart), and the bursts: every such window holding three or more, overlapping ones
 * merged. `departures` must be sorted by date.
 */
function burstsOf(departures: readonly Departure[]): { max: number; bursts: Burst[] } {
  const days = departures.map((d) => Date.parse(`${d.departedOn}T00:00:00Z`) / DAY_MS);
  const bursts: Burst[] = [];
  let max = 0;
  let open: { first: number; last: number; max: number } | undefined;
  const close = () => {
    if (!open) return;
    const members = departures.slice(open.first, open.last + 1);
    bursts.push({
      from: members[0].departedOn,
      to: members[members.length - 1].departedOn,
      departures: members.length,
      maxIn90Days: open.max,
      personIds: members.map((d) => d.personId),
    });
    open = undefined;
  };
  let last = 0;
  for (let first = 0; first < days.length; first += 1) {
    last = Math.max(last, first);
    while (last + 1 < days.length && days[last + 1] - days[first] <= 89) last += 1;
    const count = last - first + 1;
    max = Math.max(max, count);
    if (count < BURST_SIZE) continue;
    if (open && first <= open.last) {
      open.last = last;
      open.max = Math.max(open.max, count);
    } else {
      close();
      open = { first, last, max: count };
    }
  }
  close();
  return { max, bursts };
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
