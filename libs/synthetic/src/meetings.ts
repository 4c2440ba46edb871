import {
  meetingDecider,
  meetingStream,
  type AttendanceStatus,
  type Meeting,
  type MeetingKind,
  type RecordAttendance,
} from '@samen/attendance';
import { DAY, HOUR, isoTimestamp, MINUTE, type Moment, startOfDay, WEEK, workday } from './calendar';
import type { ProgrammeRun, SeatState, SiteState } from './programme-run';
import { StreamCursor } from './simulation';
import { CANCEL_REASONS, CORRECTION_REASONS, THEMES } from './texts';
import type { PartyRef } from './world';

/** Share of meetings whose attendance is typed in weeks later. */
const LATE_ATTENDANCE = 0.12;
const CANCELLED = 0.02;
const CORRECTED = 0.04;

type Who = 'gemeente' | 'initiative' | 'fund' | 'team' | 'association' | 'welfare';
type Expected = Readonly<{ party: PartyRef; seats: readonly SeatState[]; who: Who; site?: SiteState }>;
type Invitation = Readonly<{ expected: Expected[]; host?: SiteState }>;

/** How likely someone comes, by who they are and the kind of meeting. */
const PRESENCE: Record<Exclude<Who, 'gemeente'>, Partial<Record<MeetingKind, number>> & { usual: number }> = {
  initiative: { usual: 0.88, online: 0.6 },
  fund: { usual: 0.6, pitstop: 0.9, final: 0.9, thematic: 0.35, online: 0.5 },
  team: { usual: 0.95 },
  association: { usual: 0.5 },
  welfare: { usual: 0.7 },
};
const GEMEENTE_FACTOR: Record<MeetingKind, number> = {
  collective: 1,
  thematic: 0.7,
  online: 0.8,
  local: 1.15,
  pitstop: 0.8,
  final: 1,
};

/**
 * The programme's calendar: collective meetings every six to nine weeks (everyone
 * expected), themed and online ones in between for a few sites, two or three pitstops,
 * and a final meeting.
 */
export function startProgrammeMeetings(run: ProgrammeRun): void {
  const { plan, random } = run;
  const lastStart = plan.endsAt - 4 * WEEK;
  let collectives = 0;
  recurring(run, plan.startsAt + random.between(4, 7) * WEEK, [6, 9], lastStart, (startsAt) =>
    schedule(run, 'collective', startsAt, `Collectieve bijeenkomst ${++collectives}`, everyone(run)),
  );
  recurring(run, plan.startsAt + random.between(5, 9) * WEEK, [4, 7], lastStart, (startsAt) =>
    schedule(run, 'thematic', startsAt, `Themabijeenkomst: ${random.pick(THEMES)}`, someSites(run, 4, 10, true)),
  );
  recurring(run, plan.startsAt + random.between(2, 4) * WEEK, [2, 3], lastStart, (startsAt) =>
    schedule(run, 'online', startsAt, 'Online bijpraatmoment', someSites(run, 3, 8, false)),
  );
  const duration = plan.endsAt - plan.startsAt;
  const pitstops = duration > 540 * DAY ? 3 : 2;
  for (let i = 1; i <= pitstops; i++) {
    const startsAt = meetingTime(run, plan.startsAt + (i * duration) / (pitstops + 1));
    run.sim.at(startsAt - random.between(14, 28) * DAY, () =>
      schedule(run, 'pitstop', startsAt, `Pitstop ${i}`, withFunders(run, someSites(run, 3, 6, false))),
    );
  }
  const finalAt = meetingTime(run, plan.endsAt - random.between(7, 20) * DAY);
  run.sim.at(finalAt - random.between(28, 42) * DAY, () =>
    schedule(run, 'final', finalAt, 'Finalebijeenkomst', everyone(run)),
  );
}

/** Each site meets locally every four to eight weeks: its initiatives, gemeente and welfare worker. */
export function startLocalMeetings(run: ProgrammeRun, site: SiteState): void {
  const { random, sim, plan } = run;
  recurring(run, sim.now + random.between(3, 6) * WEEK, [4, 8], plan.endsAt - 2 * WEEK, (startsAt) => {
    const expected: Expected[] = [gemeenteOf(site), ...initiativesOf(site)];
    if (site.welfareSeat)
      expected.push({ party: site.welfareSeat.party, seats: [site.welfareSeat], who: 'welfare', site });
    schedule(run, 'local', startsAt, `Lokaal overleg proeftuin ${site.plan.number}`, { expected, host: site });
  });
}

/** Plans a series: each meeting is announced some weeks ahead, then the next one is planned. */
function recurring(
  run: ProgrammeRun,
  firstAround: Moment,
  gapWeeks: readonly [number, number],
  lastStart: Moment,
  announce: (startsAt: Moment) => void,
): void {
  const { random, sim } = run;
  const plan = (around: Moment) => {
    const startsAt = meetingTime(run, around);
    if (startsAt >= lastStart) return;
    sim.at(startsAt - random.between(7, 21) * DAY, () => {
      announce(startsAt);
      plan(startsAt + random.between(gapWeeks[0], gapWeeks[1]) * WEEK);
    });
  };
  plan(firstAround);
}

/** Mornings, afternoons or evenings on a working day. */
function meetingTime(run: ProgrammeRun, around: Moment): Moment {
  const slot = run.random.pick([9.5, 13.5, 19]);
  return workday(startOfDay(around)) + slot * HOUR;
}

function schedule(run: ProgrammeRun, kind: MeetingKind, startsAt: Moment, title: string, invitation: Invitation): void {
  const { random, sim } = run;
  const { expected, host } = invitation;
  if (run.closed || expected.length === 0) return;
  const meetingId = run.nextId('bijeenkomst');
  const cursor = new StreamCursor(meetingStream(meetingId), meetingDecider.initialState());
  sim.record(cursor, meetingDecider, {
    type: 'ScheduleMeeting',
    data: {
      meetingId,
      programmeId: run.plan.programmeId,
      kind,
      title,
      startsAt: isoTimestamp(startsAt),
      place: kind === 'online' || !host ? 'Online' : `Wijkcentrum in ${host.gemeente.name}`,
      ...(host && kind !== 'online' && { hostSiteId: host.siteId }),
      expectedPartyIds: expected.map((e) => e.party.partyId),
    },
  });
  if (random.chance(CANCELLED)) {
    sim.at(startsAt - random.between(1, 5) * DAY, () =>
      sim.record(cursor, meetingDecider, {
        type: 'CancelMeeting',
        data: { meetingId, reason: random.pick(CANCEL_REASONS) },
      }),
    );
    return;
  }
  sim.at(startsAt + random.between(90, 180) * MINUTE, () => takeAttendance(run, cursor, meetingId, kind, expected));
}

/**
 * The attendance list, typed in after the meeting (sometimes weeks later): for each party
 * expected, whoever holds its seats now, present or (mostly recorded) absent or excused.
 */
function takeAttendance(
  run: ProgrammeRun,
  cursor: StreamCursor<Meeting>,
  meetingId: string,
  kind: MeetingKind,
  expected: readonly Expected[],
): void {
  const { random, sim } = run;
  const delay = random.chance(LATE_ATTENDANCE)
    ? random.between(7, 42) * DAY + random.int(8 * 60) * MINUTE
    : random.between(10, 240) * MINUTE;
  const list: RecordAttendance[] = [];
  for (const { party, seats, who, site } of expected) {
    let anyPresent = false;
    const holders = seats.filter((seat) => seat.holder !== null);
    for (const seat of holders.slice(0, delegates(kind, who))) {
      const personId = seat.holder as string;
      const present = random.chance(presence(run, who, kind, site));
      const status: AttendanceStatus | undefined = present
        ? 'present'
        : random.chance(0.6)
          ? random.pick(['absent', 'excused'] as const)
          : undefined;
      if (!status) continue;
      anyPresent ||= present;
      list.push({ type: 'RecordAttendance', data: { meetingId, personId, partyId: party.partyId, status } });
      if (present && who === 'initiative' && site?.fee) {
        site.unpaidAttendance.set(party.partyId, (site.unpaidAttendance.get(party.partyId) ?? 0) + 1);
      }
    }
    if (who === 'gemeente' && kind === 'collective' && site) {
      site.collective.expected += 1;
      if (anyPresent) site.collective.present += 1;
    }
  }
  sim.recordList(cursor, meetingDecider, list, (command) => command.data.personId, delay);
  if (list.length > 0 && random.chance(CORRECTED)) {
    // Corrected once the list is in: never before it was typed.
    sim.at(sim.now + delay + random.between(1, 10) * DAY, () => {
      const { personId, status } = random.pick(list).data;
      const corrected: AttendanceStatus = status === 'absent' ? 'excused' : status === 'present' ? 'absent' : 'present';
      const reason = CORRECTION_REASONS[status === 'absent' ? 0 : status === 'present' ? 2 : 1];
      sim.record(cursor, meetingDecider, {
        type: 'CorrectAttendance',
        data: { meetingId, personId, status: corrected, reason },
      });
    });
  }
}

/** How many of a party's people come: one online, at most two of a gemeente beyond its own site. */
function delegates(kind: MeetingKind, who: Who): number {
  if (kind === 'online') return 1;
  if (kind === 'local' || who !== 'gemeente') return Number.MAX_SAFE_INTEGER;
  return 2;
}

/**
 * Gemeenten each have their own propensity to come; it dips for a while after one of their
 * people at the site left. Everyone else comes with the odds in {@link PRESENCE}.
 */
function presence(run: ProgrammeRun, who: Who, kind: MeetingKind, site: SiteState | undefined): number {
  if (who !== 'gemeente') return PRESENCE[who][kind] ?? PRESENCE[who].usual;
  if (!site) return 0.5;
  const recentlyLeft = site.gemeenteSeats.some(
    (seat) => seat.lastDepartureAt !== undefined && run.sim.now - seat.lastDepartureAt < 90 * DAY,
  );
  return Math.min(0.98, site.gemeente.propensity * GEMEENTE_FACTOR[kind] * (recentlyLeft ? 0.6 : 1));
}

function gemeenteOf(site: SiteState): Expected {
  return { party: site.gemeente, seats: site.gemeenteSeats, who: 'gemeente', site };
}

function initiativesOf(site: SiteState): Expected[] {
  return site.initiatives.map((party, i) => ({ party, seats: [site.initiativeSeats[i]], who: 'initiative', site }));
}

function programmeParties(run: ProgrammeRun, funders: boolean): Expected[] {
  const expected: Expected[] = [{ party: run.team, seats: run.teamSeats, who: 'team' }];
  if (funders) {
    for (const seat of run.fundSeats) expected.push({ party: seat.party, seats: [seat], who: 'fund' });
  }
  if (run.associationSeat) {
    expected.push({ party: run.associationSeat.party, seats: [run.associationSeat], who: 'association' });
  }
  return expected;
}

/** Collective and final meetings expect each site to send both its initiative and its gemeente. */
function everyone(run: ProgrammeRun): Invitation {
  return {
    expected: [
      ...run.sites.flatMap((site) => [...initiativesOf(site), gemeenteOf(site)]),
      ...programmeParties(run, true),
    ],
    host: run.sites.length > 0 ? run.random.pick(run.sites) : undefined,
  };
}

/** A few sites, chosen afresh for each meeting (and the funders now and then). */
function someSites(run: ProgrammeRun, min: number, max: number, funders: boolean): Invitation {
  const { random } = run;
  const chosen = random.sample(run.sites, random.between(min, max));
  return {
    expected: [
      ...chosen.flatMap((site) => [...initiativesOf(site), gemeenteOf(site)]),
      ...programmeParties(run, funders && random.chance(0.5)),
    ],
    host: chosen[0],
  };
}

function withFunders(run: ProgrammeRun, invitation: Invitation): Invitation {
  const invited = new Set(invitation.expected.map((e) => e.party.partyId));
  const funders = run.fundSeats
    .filter((seat) => !invited.has(seat.party.partyId))
    .map((seat): Expected => ({ party: seat.party, seats: [seat], who: 'fund' }));
  return { ...invitation, expected: [...invitation.expected, ...funders] };
}
