import { commitmentDecider } from '@samen/commitments';
import { roleDecider, roleStream } from '@samen/roles';
import { DAY, isoDate, officeHours, YEAR } from './calendar';
import type { ProgrammeRun, SeatState, SiteState } from './programme-run';
import { StreamCursor } from './simulation';
import { BURST_REASONS, DEPARTURE_REASONS, HANDOVER_NOTES, TRANSFER_REASONS } from './texts';
import type { GemeenteProfile, PartyRef } from './world';

export type Seat = Readonly<{
  party: PartyRef;
  title: string;
  site?: SiteState;
  gemeente?: GemeenteProfile;
  hazard: number;
}>;

/** A new person takes a new seat; when they will leave is drawn at once. */
export function assignRole(run: ProgrammeRun, seat: Seat): SeatState {
  const roleId = run.nextId('rol');
  const personId = run.registerPerson();
  const state: SeatState = {
    cursor: new StreamCursor(roleStream(roleId), roleDecider.initialState()),
    roleId,
    party: seat.party,
    ...(seat.site && { site: seat.site }),
    ...(seat.gemeente && { gemeente: seat.gemeente }),
    hazard: seat.hazard,
    holder: personId,
    open: new Set(),
  };
  run.sim.record(state.cursor, roleDecider, {
    type: 'AssignRole',
    data: {
      roleId,
      partyId: seat.party.partyId,
      programmeId: run.plan.programmeId,
      ...(seat.site && { siteId: seat.site.siteId }),
      title: seat.title,
      personId,
    },
  });
  planDeparture(run, state);
  return state;
}

/**
 * When the holder will leave: a steady hazard, except in a gemeente's burst (a
 * reorganisation), when most of its people leave within the same 90 days.
 */
function planDeparture(run: ProgrammeRun, seat: SeatState): void {
  const { random, sim } = run;
  const holder = seat.holder;
  let leavesAt = sim.now + random.exponential(seat.hazard) * YEAR;
  const burst = seat.gemeente?.burst;
  let inBurst = false;
  if (burst && burst.to > sim.now + 7 * DAY && burst.from < leavesAt && random.chance(run.world.burstDepartureChance)) {
    const from = Math.max(burst.from, sim.now + 7 * DAY);
    leavesAt = random.uniform(from, burst.to);
    inBurst = true;
  }
  if (leavesAt > run.plan.endsAt - 14 * DAY) return;
  sim.at(officeHours(random, leavesAt), () => leave(run, seat, holder, inBurst));
}

type HandoverPlan = 'none' | 'to-the-party' | 'to-the-successor';

/**
 * The holder leaves with a reason. About half hand over: on the way out (to the party, as
 * nobody is appointed yet) or later to the successor. A vacancy of days to months follows.
 */
function leave(run: ProgrammeRun, seat: SeatState, personId: string | null, inBurst: boolean): void {
  const { random, sim } = run;
  if (personId === null || seat.holder !== personId || run.closed) return;
  const vacancyDays = vacancy(run);
  const successorComes = sim.now + vacancyDays * DAY < run.plan.endsAt - 7 * DAY;
  let plan: HandoverPlan = random.chance(0.5) ? 'none' : random.chance(0.4) ? 'to-the-party' : 'to-the-successor';
  if (plan === 'to-the-successor' && !successorComes) plan = 'to-the-party';
  const handOverFirst = plan === 'to-the-party' && random.chance(0.5);
  if (handOverFirst) recordHandover(run, seat, personId, null);
  run.sim.record(seat.cursor, roleDecider, {
    type: 'VacateRole',
    data: { roleId: seat.roleId, personId, reason: random.pick(inBurst ? BURST_REASONS : DEPARTURE_REASONS) },
  });
  seat.holder = null;
  seat.lastDepartureAt = sim.now;
  if (plan === 'to-the-party' && !handOverFirst) recordHandover(run, seat, personId, null);
  if (successorComes) {
    sim.at(officeHours(random, sim.now + vacancyDays * DAY), () =>
      appointSuccessor(run, seat, personId, plan === 'to-the-successor', plan === 'none'),
    );
  }
}

/** Days a seat stays empty: often a few weeks, sometimes months. */
function vacancy(run: ProgrammeRun): number {
  const { random } = run;
  const draw = random.next();
  if (draw < 0.35) return random.between(3, 20);
  if (draw < 0.75) return random.between(21, 60);
  return random.between(61, 180);
}

function appointSuccessor(
  run: ProgrammeRun,
  seat: SeatState,
  previous: string,
  handOverToThem: boolean,
  leftWithoutHandover: boolean,
): void {
  const { random, sim } = run;
  const successor = run.registerPerson();
  sim.record(seat.cursor, roleDecider, {
    type: 'AppointSuccessor',
    data: { roleId: seat.roleId, personId: successor },
  });
  seat.holder = successor;
  if (handOverToThem) {
    // Written down in the first days: allowed while the successor still holds the seat.
    sim.at(officeHours(random, sim.now + random.between(0, 14) * DAY), () => {
      if (seat.holder === successor) recordHandover(run, seat, previous, successor);
    });
  } else if (leftWithoutHandover && seat.open.size > 0 && random.chance(0.45)) {
    sim.at(officeHours(random, sim.now + random.between(7, 60) * DAY), () => takeOverOrphans(run, seat, successor));
  }
  planDeparture(run, seat);
}

/** Moves the seat's open commitments (as the handler finds them) to whoever comes next. */
function recordHandover(run: ProgrammeRun, seat: SeatState, fromPersonId: string, toPersonId: string | null): void {
  const { random, sim } = run;
  const commitments = [...seat.open];
  const introduced = toPersonId !== null ? random.chance(0.6) : random.chance(0.15);
  sim.record(seat.cursor, roleDecider, {
    type: 'RecordHandover',
    data: {
      roleId: seat.roleId,
      handoverId: run.nextId('overdracht'),
      fromPersonId,
      toPersonId,
      handedOverOn: isoDate(sim.now),
      transferredCommitmentIds: commitments.map((c) => c.commitmentId),
      introducedToPartners: introduced,
      note: random.pick(HANDOVER_NOTES),
    },
    context: {
      commitmentsNotOpen: commitments.filter((c) => c.cursor.state.status !== 'open').map((c) => c.commitmentId),
      commitmentsOfOtherRoles: commitments
        .filter((c) => c.cursor.state.status === 'none' || c.cursor.state.terms.byRoleId !== seat.roleId)
        .map((c) => c.commitmentId),
    },
  });
}

/** Someone left without a handover: later the successor picks up what was left behind. */
function takeOverOrphans(run: ProgrammeRun, seat: SeatState, successor: string): void {
  if (seat.holder !== successor) return;
  const reason = run.random.pick(TRANSFER_REASONS);
  for (const commitment of seat.open) {
    const state = commitment.cursor.state;
    if (state.status !== 'open' || state.terms.responsiblePersonId === successor) continue;
    run.sim.record(commitment.cursor, commitmentDecider, {
      type: 'TransferCommitmentOwnership',
      data: { commitmentId: commitment.commitmentId, toPersonId: successor, reason },
    });
  }
}
