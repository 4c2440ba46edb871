import type { AttendanceStatus, MeetingKind } from '@samen/attendance/domain';
import type { PartyKind } from '@samen/structure/domain';
import { pushTo } from '../core/projection';
import { latestWithin, within, type TimeWindow } from '../core/time-window';
import type { Directory, MeetingEntry } from '../directory/directory.projection';
import { marksAt, meetingsAttendedFor, type AttendanceMark, type Presence } from './presence.projection';

export interface PresenceFilter {
  readonly programmeId?: string;
  readonly siteId?: string;
  readonly partyId?: string;
  readonly kind?: MeetingKind;
  /** Meetings taking place from this moment on (epoch ms). */
  readonly from?: number;
  /** Meetings taking place up to this moment (epoch ms). */
  readonly to?: number;
}

export interface PartyAtMeeting {
  readonly partyId: string;
  readonly name: string;
  readonly kind: PartyKind | 'unknown';
  readonly expected: boolean;
  readonly present: string[];
  readonly absent: string[];
  readonly excused: string[];
}

export interface MeetingPresence {
  readonly meetingId: string;
  readonly programmeId: string;
  readonly title: string;
  readonly kind: MeetingKind;
  readonly startsAt: string;
  readonly place: string;
  readonly hostSiteId: string | null;
  readonly cancelled: boolean;
  readonly parties: PartyAtMeeting[];
}

export interface AttendanceRate {
  readonly partyId: string;
  readonly name: string;
  readonly kind: PartyKind | 'unknown';
  /** Collective meetings that took place and expected this party. */
  readonly collectiveExpected: number;
  /** Of those, the ones where at least one person was present for it. */
  readonly collectiveAttended: number;
  /** attended / expected, rounded to 3 decimals; null when none was expected. */
  readonly rate: number | null;
}

export interface InitiativeWithoutGemeente {
  readonly meetingId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly siteId: string;
  readonly siteName: string;
  readonly gemeentePartyId: string;
  readonly initiativesPresent: string[];
}

export interface PresenceReport {
  readonly meetings: MeetingPresence[];
  readonly rates: AttendanceRate[];
  readonly initiativeWithoutGemeente: InitiativeWithoutGemeente[];
}

/**
 * "Who is present from each gemeente": per meeting the people present for each party, each
 * party's attendance rate over the collective meetings that expected it, and the meetings
 * where a site's initiative came and its gemeente, though expected, did not.
 */
export function presenceReport(
  directory: Directory,
  presence: Presence,
  filter: PresenceFilter,
  window: TimeWindow,
): PresenceReport {
  const partiesShown = partiesOf(directory, filter);
  const meetings: MeetingPresence[] = [];
  const rates = new Map<string, { expected: number; attended: number }>();
  const gaps: InitiativeWithoutGemeente[] = [];

  for (const meeting of selectMeetings(directory, presence, filter, window, partiesShown)) {
    const marks = attendanceIn(marksAt(presence, meeting.meetingId), window);
    const cancelled = meeting.cancelled !== undefined && within(meeting.cancelled, window);
    const byParty = groupByParty(marks);
    const partyIds = new Set([...meeting.expectedPartyIds, ...byParty.keys()]);
    const parties = [...partyIds]
      .filter((partyId) => !partiesShown || partiesShown.has(partyId))
      .sort()
      .map((partyId) => partyAt(directory, meeting, partyId, byParty.get(partyId) ?? []));
    if (filter.partyId && parties.length === 0) continue;
    meetings.push({
      meetingId: meeting.meetingId,
      programmeId: meeting.programmeId,
      title: meeting.title,
      kind: meeting.kind,
      startsAt: new Date(meeting.startsAt).toISOString(),
      place: meeting.place,
      hostSiteId: meeting.hostSiteId ?? null,
      cancelled,
      parties,
    });
    const tookPlace = !cancelled && meeting.startsAt <= window.asOf;
    if (!tookPlace) continue;
    // Who came is judged on everyone, also when the report shows only some parties.
    const present = new Set(marks.filter((m) => m.status === 'present').map((m) => m.partyId));
    if (meeting.kind === 'collective') {
      for (const partyId of meeting.expectedPartyIds) {
        if (partiesShown && !partiesShown.has(partyId)) continue;
        const rate = rates.get(partyId) ?? { expected: 0, attended: 0 };
        rate.expected += 1;
        if (present.has(partyId)) rate.attended += 1;
        rates.set(partyId, rate);
      }
    }
    gaps.push(...initiativesWithoutGemeente(directory, meeting, present, filter, window));
  }

  return {
    meetings,
    rates: [...rates.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([partyId, { expected, attended }]) => ({
        partyId,
        name: directory.parties.get(partyId)?.name ?? partyId,
        kind: directory.parties.get(partyId)?.kind ?? 'unknown',
        collectiveExpected: expected,
        collectiveAttended: attended,
        rate: expected === 0 ? null : Math.round((attended / expected) * 1000) / 1000,
      })),
    initiativeWithoutGemeente: gaps,
  };
}

/** The parties a site or party filter narrows the report to; undefined shows all. */
function partiesOf(directory: Directory, filter: PresenceFilter): Set<string> | undefined {
  if (filter.partyId) return new Set([filter.partyId]);
  if (!filter.siteId) return undefined;
  const site = directory.sites.get(filter.siteId);
  return new Set(site ? [site.gemeentePartyId, ...site.initiativePartyIds] : []);
}

function selectMeetings(
  directory: Directory,
  presence: Presence,
  filter: PresenceFilter,
  window: TimeWindow,
  partiesShown: ReadonlySet<string> | undefined,
): MeetingEntry[] {
  const selected: MeetingEntry[] = [];
  // A site belongs to one programme: its gemeente's meetings in other programmes concern its other sites.
  const siteProgrammeId = filter.siteId && directory.sites.get(filter.siteId)?.programmeId;
  for (const meeting of candidateMeetings(directory, presence, partiesShown)) {
    if (!within(meeting, window)) continue;
    if (filter.programmeId && meeting.programmeId !== filter.programmeId) continue;
    if (siteProgrammeId && meeting.programmeId !== siteProgrammeId) continue;
    if (filter.kind && meeting.kind !== filter.kind) continue;
    if (filter.from !== undefined && meeting.startsAt < filter.from) continue;
    if (filter.to !== undefined && meeting.startsAt > filter.to) continue;
    selected.push(meeting);
  }
  return selected.sort((a, b) => a.startsAt - b.startsAt || a.meetingId.localeCompare(b.meetingId));
}

/** All meetings, or for some parties only the meetings that concern them. */
function candidateMeetings(
  directory: Directory,
  presence: Presence,
  parties: ReadonlySet<string> | undefined,
): Iterable<MeetingEntry> {
  if (!parties) return directory.meetings.values();
  const ids = new Set<string>();
  for (const partyId of parties) for (const id of meetingsConcerning(directory, presence, partyId)) ids.add(id);
  return [...ids].map((id) => directory.meetings.get(id)).filter((m): m is MeetingEntry => m !== undefined);
}

/** The meetings that concern a party: it was expected there, or someone attended for it. */
export function meetingsConcerning(directory: Directory, presence: Presence, partyId: string): Set<string> {
  const meetings = meetingsAttendedFor(presence, partyId);
  for (const meetingId of directory.meetingsExpecting.get(partyId) ?? []) meetings.add(meetingId);
  return meetings;
}

/** Each person's attendance as it stood in the window: the latest mark within it. */
function attendanceIn(marks: readonly AttendanceMark[], window: TimeWindow): AttendanceMark[] {
  const byPerson = new Map<string, AttendanceMark[]>();
  for (const mark of marks) pushTo(byPerson, mark.personId, mark);
  return [...byPerson.values()]
    .map((versions) => latestWithin(versions, window))
    .filter((mark): mark is AttendanceMark => mark !== undefined);
}

/**
 * Whether a meeting counts toward attendance rates in the window: collective, known, not
 * cancelled, and taken place by asOf. Other views that speak of attendance rates use this.
 */
export function countsTowardRate(meeting: MeetingEntry, window: TimeWindow): boolean {
  if (meeting.kind !== 'collective' || meeting.startsAt > window.asOf || !within(meeting, window)) return false;
  return meeting.cancelled === undefined || !within(meeting.cancelled, window);
}

/** The parties at least one person was present for at a meeting, as known in the window. */
export function partiesPresentAt(presence: Presence, meetingId: string, window: TimeWindow): Set<string> {
  const present = new Set<string>();
  for (const mark of attendanceIn(marksAt(presence, meetingId), window)) {
    if (mark.status === 'present') present.add(mark.partyId);
  }
  return present;
}

function groupByParty(marks: readonly AttendanceMark[]): Map<string, AttendanceMark[]> {
  const byParty = new Map<string, AttendanceMark[]>();
  for (const mark of marks) pushTo(byParty, mark.partyId, mark);
  return byParty;
}

function partyAt(
  directory: Directory,
  meeting: MeetingEntry,
  partyId: string,
  marks: readonly AttendanceMark[],
): PartyAtMeeting {
  const people = (status: AttendanceStatus) =>
    marks
      .filter((m) => m.status === status)
      .map((m) => m.personId)
      .sort();
  const party = directory.parties.get(partyId);
  return {
    partyId,
    name: party?.name ?? partyId,
    kind: party?.kind ?? 'unknown',
    expected: meeting.expectedPartyIds.includes(partyId),
    present: people('present'),
    absent: people('absent'),
    excused: people('excused'),
  };
}

function initiativesWithoutGemeente(
  directory: Directory,
  meeting: MeetingEntry,
  present: ReadonlySet<string>,
  filter: PresenceFilter,
  window: TimeWindow,
): InitiativeWithoutGemeente[] {
  const gaps: InitiativeWithoutGemeente[] = [];
  for (const siteId of directory.sitesOfProgramme.get(meeting.programmeId) ?? []) {
    const site = directory.sites.get(siteId);
    if (!site || !within(site, window)) continue;
    if (filter.siteId && site.siteId !== filter.siteId) continue;
    if (
      filter.partyId &&
      filter.partyId !== site.gemeentePartyId &&
      !site.initiativePartyIds.includes(filter.partyId)
    ) {
      continue;
    }
    const initiativesPresent = site.initiativePartyIds.filter((id) => present.has(id));
    const gemeenteExpected = meeting.expectedPartyIds.includes(site.gemeentePartyId);
    if (initiativesPresent.length === 0 || !gemeenteExpected || present.has(site.gemeentePartyId)) continue;
    gaps.push({
      meetingId: meeting.meetingId,
      title: meeting.title,
      startsAt: new Date(meeting.startsAt).toISOString(),
      siteId: site.siteId,
      siteName: site.name,
      gemeentePartyId: site.gemeentePartyId,
      initiativesPresent,
    });
  }
  return gaps;
}
