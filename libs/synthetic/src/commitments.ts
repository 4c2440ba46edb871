import { commitmentDecider, commitmentStream, type CommitmentKind } from '@samen/commitments';
import { DAY, HISTORY_END, isoDate, type Moment } from './calendar';
import { pay } from './money';
import type { CommitmentState, ProgrammeRun, SeatState, SiteState } from './programme-run';
import { StreamCursor } from './simulation';
import {
  AMEND_REASONS,
  BREAK_REASONS,
  COMMITMENT_DESCRIPTIONS,
  FULFIL_EVIDENCE,
  TRANSFER_REASONS,
  WITHDRAW_REASONS,
} from './texts';

type Promised = Readonly<{
  seat: SeatState;
  site: SiteState;
  kind: CommitmentKind;
  toPartyIds: string[];
  amountInCents?: number;
  dueAt?: Moment;
}>;

/** The odds of how a commitment ends: kept, broken, withdrawn, or (the rest) left open. */
type Odds = Readonly<{ fulfil: number; break: number; withdraw: number; amend: number }>;
const ORDINARY: Odds = { fulfil: 0.6, break: 0.1, withdraw: 0.07, amend: 0.2 };
const POLICY_CHANGE: Odds = { fulfil: 0.3, break: 0.3, withdraw: 0.1, amend: 0.4 };

/**
 * What the parties of a site promise in its first weeks: the gemeente to attend, funds to
 * pay into the site's pot, and (some of) housing, support, a plan, a policy change and a
 * fee per meeting for the initiatives. Each has its future drawn at once.
 */
export function makeSiteCommitments(run: ProgrammeRun, site: SiteState): void {
  const { random, plan } = run;
  const initiatives = site.initiatives.map((i) => i.partyId);
  const soon = (fn: () => void) => run.after(random.between(3, 30), fn);
  const [firstGemeenteSeat] = site.gemeenteSeats;
  const anyGemeenteSeat = () => random.pick(site.gemeenteSeats);

  soon(() => {
    const made = make(run, {
      seat: firstGemeenteSeat,
      site,
      kind: 'attend',
      toPartyIds: initiatives,
      dueAt: plan.endsAt,
    });
    if (made) site.attend = made;
  });
  if (site.plan.funded) fundThePot(run, site);
  if (random.chance(0.3)) {
    soon(() => ordinary(run, { seat: anyGemeenteSeat(), site, kind: 'house', toPartyIds: initiatives }, 1, 4));
  }
  if (random.chance(0.45)) {
    const seat = site.welfareSeat ?? anyGemeenteSeat();
    soon(() => ordinary(run, { seat, site, kind: 'support', toPartyIds: initiatives }, 2, 12));
  }
  if (random.chance(0.6)) {
    const seat = site.initiativeSeats[0];
    soon(() => {
      site.deliverCommitment = ordinary(
        run,
        { seat, site, kind: 'deliver', toPartyIds: [site.gemeente.partyId] },
        3,
        10,
      );
    });
  }
  if (random.chance(0.35)) soon(() => changePolicy(run, site, firstGemeenteSeat, initiatives));
  if (random.chance(0.3)) soon(() => attendanceFee(run, site, anyGemeenteSeat(), initiatives));
  // Later promises, as the collaboration finds its way (after a pitstop, say).
  for (let n = random.int(3); n > 0 && plan.endsAt - run.sim.now > 150 * DAY; n--) {
    const kind = random.pick(['house', 'support', 'deliver'] as const);
    run.at(random.uniform(run.sim.now + 90 * DAY, plan.endsAt - 60 * DAY), () => {
      const seats = kind === 'deliver' ? site.initiativeSeats : site.gemeenteSeats;
      const toPartyIds = kind === 'deliver' ? [site.gemeente.partyId] : initiatives;
      ordinary(run, { seat: random.pick(seats), site, kind, toPartyIds }, 1, 6);
    });
  }
}

/**
 * Makes a commitment as the handler would accept it. Most are made through the seat, so
 * they belong to it and move with a handover; a few only name the person. Nobody promises
 * from an empty seat: then nothing is made.
 */
function make(run: ProgrammeRun, promise: Promised): CommitmentState | undefined {
  const { seat, site, kind, toPartyIds, amountInCents, dueAt } = promise;
  if (seat.holder === null || run.closed) return undefined;
  const commitmentId = run.nextId('toezegging');
  const throughSeat = run.random.chance(0.85);
  const cursor = new StreamCursor(commitmentStream(commitmentId), commitmentDecider.initialState(), true);
  run.sim.record(cursor, commitmentDecider, {
    type: 'MakeCommitment',
    data: {
      commitmentId,
      programmeId: run.plan.programmeId,
      siteId: site.siteId,
      byPartyId: seat.party.partyId,
      ...(throughSeat && { byRoleId: seat.roleId }),
      responsiblePersonId: seat.holder,
      toPartyIds,
      kind,
      description: COMMITMENT_DESCRIPTIONS[kind],
      ...(amountInCents !== undefined && { amountInCents }),
      ...(dueAt !== undefined && { dueOn: isoDate(dueAt) }),
    },
  });
  const state: CommitmentState = { cursor, commitmentId, byPartyId: seat.party.partyId };
  if (throughSeat) {
    state.seat = seat;
    seat.open.add(state);
  }
  return state;
}

export const isOpen = (commitment: CommitmentState) => commitment.cursor.state.status === 'open';

/** Ends an open commitment: kept (with evidence), broken or withdrawn (with a reason). */
export function settle(
  run: ProgrammeRun,
  commitment: CommitmentState,
  outcome: 'FulfilCommitment' | 'BreakCommitment' | 'WithdrawCommitment',
  text: string,
): void {
  if (!isOpen(commitment)) return;
  const { commitmentId } = commitment;
  run.sim.record(
    commitment.cursor,
    commitmentDecider,
    outcome === 'FulfilCommitment'
      ? { type: outcome, data: { commitmentId, evidence: text } }
      : { type: outcome, data: { commitmentId, reason: text } },
  );
  commitment.seat?.open.delete(commitment);
}

/** A commitment with a due date some months away, and an ordinary future. */
function ordinary(
  run: ProgrammeRun,
  promise: Promised,
  minMonths: number,
  maxMonths: number,
  odds: Odds = ORDINARY,
): CommitmentState | undefined {
  const { random, sim } = run;
  const dueAt = Math.min(sim.now + random.between(minMonths * 30, maxMonths * 30) * DAY, run.plan.endsAt);
  const made = make(run, { ...promise, dueAt });
  if (made) planFuture(run, made, dueAt, odds);
  return made;
}

function planFuture(run: ProgrammeRun, commitment: CommitmentState, dueAt: Moment, odds: Odds): void {
  const { random, sim } = run;
  const madeAt = sim.now;
  const span = Math.max(dueAt - madeAt, 14 * DAY);
  if (random.chance(odds.amend)) {
    run.at(madeAt + random.uniform(0.3, 0.8) * span, () => {
      if (!isOpen(commitment)) return;
      const postponed = Math.min(dueAt + random.between(30, 120) * DAY, HISTORY_END);
      sim.record(commitment.cursor, commitmentDecider, {
        type: 'AmendCommitment',
        data: { commitmentId: commitment.commitmentId, dueOn: isoDate(postponed), reason: random.pick(AMEND_REASONS) },
      });
    });
  }
  if (random.chance(0.06)) run.at(madeAt + random.uniform(0.2, 0.9) * span, () => reassign(run, commitment));
  const draw = random.next();
  if (draw < odds.fulfil) {
    const at = madeAt + random.uniform(14 * DAY, span + 30 * DAY);
    run.at(at, () => settle(run, commitment, 'FulfilCommitment', random.pick(FULFIL_EVIDENCE)));
  } else if (draw < odds.fulfil + odds.break) {
    const at = madeAt + span + random.uniform(-30, 45) * DAY;
    run.at(at, () => settle(run, commitment, 'BreakCommitment', random.pick(BREAK_REASONS)));
  } else if (draw < odds.fulfil + odds.break + odds.withdraw) {
    const at = madeAt + random.uniform(7 * DAY, span);
    run.at(at, () => settle(run, commitment, 'WithdrawCommitment', random.pick(WITHDRAW_REASONS)));
  }
  // Otherwise it stays open, past its due date: overdue in the views.
}

/** A colleague at the same party takes the commitment over, with their seat. */
function reassign(run: ProgrammeRun, commitment: CommitmentState): void {
  const from = commitment.seat;
  const site = from?.site;
  if (!from || !site || !isOpen(commitment)) return;
  const colleagues = [...site.gemeenteSeats, ...site.initiativeSeats];
  const to = colleagues.find((seat) => seat !== from && seat.party === from.party && seat.holder !== null);
  if (!to || to.holder === null) return;
  run.sim.record(commitment.cursor, commitmentDecider, {
    type: 'TransferCommitmentOwnership',
    data: {
      commitmentId: commitment.commitmentId,
      toPersonId: to.holder,
      toRoleId: to.roleId,
      reason: TRANSFER_REASONS[1],
    },
  });
  from.open.delete(commitment);
  commitment.seat = to;
  to.open.add(commitment);
}

/**
 * One to three funds share the site's pot, each paying its share in tranches until the
 * programme ends. Now and then a share is withdrawn before any money moves, or broken
 * after the first tranche (the site stopped).
 */
function fundThePot(run: ProgrammeRun, site: SiteState): void {
  const { random } = run;
  const funders = random.sample(run.fundSeats, random.between(1, run.fundSeats.length));
  const pot = random.between(30, 120) * 50_000;
  for (const seat of funders) {
    const share = Math.round(pot / funders.length / 10_000) * 10_000;
    run.after(random.between(7, 45), () => {
      const toPartyIds = [site.initiatives[0].partyId];
      const made = make(run, { seat, site, kind: 'fund', toPartyIds, amountInCents: share, dueAt: run.plan.endsAt });
      if (made) payInTranches(run, made, toPartyIds[0]);
    });
  }
}

function payInTranches(run: ProgrammeRun, commitment: CommitmentState, payee: string): void {
  const { random, sim, plan } = run;
  const first = sim.now + random.between(45, 75) * DAY;
  const tranches = random.between(2, 4);
  const gap = Math.max(plan.endsAt - first, 30 * DAY) / tranches;
  const draw = random.next();
  if (draw < 0.04) {
    run.at(sim.now + random.between(7, 40) * DAY, () =>
      settle(run, commitment, 'WithdrawCommitment', random.pick(WITHDRAW_REASONS)),
    );
    return;
  }
  const stopsAfterFirst = draw < 0.1;
  if (random.chance(0.12)) {
    run.at(first + gap / 2, () => {
      const state = commitment.cursor.state;
      if (state.status !== 'open' || state.terms.amountInCents === undefined) return;
      const raised = Math.round((state.terms.amountInCents * random.uniform(1.1, 1.3)) / 10_000) * 10_000;
      sim.record(commitment.cursor, commitmentDecider, {
        type: 'AmendCommitment',
        data: { commitmentId: commitment.commitmentId, amountInCents: raised, reason: AMEND_REASONS[2] },
      });
    });
  }
  let paid = 0;
  for (let i = 0; i < (stopsAfterFirst ? 1 : tranches); i++) {
    run.at(first + i * gap, () => {
      const state = commitment.cursor.state;
      if (state.status === 'none' || state.terms.amountInCents === undefined) return;
      const remaining = state.terms.amountInCents - paid;
      const amount = i === tranches - 1 ? remaining : Math.round(remaining / (tranches - i) / 10_000) * 10_000;
      if (amount <= 0) return;
      paid += amount;
      pay(run, {
        from: commitment.byPartyId,
        to: payee,
        amountInCents: amount,
        purpose: 'programme-contribution',
        commitment,
      });
    });
  }
  const last = first + (tranches - 1) * gap;
  if (stopsAfterFirst) {
    run.at(first + gap - 7 * DAY, () => settle(run, commitment, 'BreakCommitment', 'De proeftuin is gestopt'));
  } else {
    run.at(last + random.between(7, 30) * DAY, () =>
      settle(run, commitment, 'FulfilCommitment', 'Alle tranches overgemaakt'),
    );
  }
}

/** "Put the initiative in the municipal budget": often postponed, often broken; kept means money. */
function changePolicy(run: ProgrammeRun, site: SiteState, seat: SeatState, initiatives: string[]): void {
  const { random, plan } = run;
  const dueAt = Math.min(plan.startsAt + random.between(180, 420) * DAY, plan.endsAt);
  const made = make(run, { seat, site, kind: 'change-policy', toPartyIds: initiatives, dueAt });
  if (!made) return;
  planFuture(run, made, dueAt, POLICY_CHANGE);
  // Once kept, the budget line pays out some weeks later.
  run.at(dueAt + random.between(30, 90) * DAY, () => {
    if (made.cursor.state.status !== 'fulfilled' || !random.chance(0.6)) return;
    pay(run, {
      from: site.gemeente.partyId,
      to: initiatives[0],
      amountInCents: random.between(10, 50) * 50_000,
      purpose: 'multi-year-budget',
      commitment: made,
    });
  });
}

/** A fee per meeting attended; paid per quarter for the meetings counted, until it stops. */
function attendanceFee(run: ProgrammeRun, site: SiteState, seat: SeatState, initiatives: string[]): void {
  const { random, sim } = run;
  const feeInCents = random.between(5, 20) * 500;
  const made = make(run, {
    seat,
    site,
    kind: 'attendance-fee',
    toPartyIds: initiatives,
    amountInCents: feeInCents,
    dueAt: run.plan.endsAt,
  });
  if (!made) return;
  site.fee = { commitment: made, feeInCents };
  if (random.chance(0.15)) {
    run.at(sim.now + random.between(120, 400) * DAY, () =>
      settle(run, made, 'BreakCommitment', 'Het budget voor vergoedingen is op'),
    );
  }
  const quarter = () => {
    if (run.closed) return;
    run.at(sim.now + 91 * DAY, () => {
      // Paid some weeks after the quarter: how long initiatives wait is part of the story.
      run.at(sim.now + random.between(14, 75) * DAY, () => payAttendanceFees(run, site));
      quarter();
    });
  };
  quarter();
}

export function payAttendanceFees(run: ProgrammeRun, site: SiteState): void {
  const fee = site.fee;
  if (!fee || !isOpen(fee.commitment)) return;
  for (const [initiative, meetings] of site.unpaidAttendance) {
    if (meetings === 0) continue;
    site.unpaidAttendance.set(initiative, 0);
    pay(run, {
      from: site.gemeente.partyId,
      to: initiative,
      amountInCents: meetings * fee.feeInCents,
      purpose: 'attendance-fee',
      commitment: fee.commitment,
    });
  }
}

/**
 * At the programme's end: attendance is judged by how often the gemeente came, the fee is
 * paid up and kept (unless it stopped); whatever else is open stays open.
 */
export function closeSiteCommitments(run: ProgrammeRun, site: SiteState): void {
  const { random } = run;
  const { attend, fee } = site;
  if (attend && site.collective.expected > 0) {
    const { expected, present } = site.collective;
    const rate = present / expected;
    if (rate >= 0.6) {
      settle(run, attend, 'FulfilCommitment', `Aanwezig bij ${present} van ${expected} collectieve bijeenkomsten`);
    } else if (rate < 0.3) {
      settle(run, attend, 'BreakCommitment', 'De gemeente kwam zelden naar de collectieve bijeenkomsten');
    }
  }
  if (fee) {
    run.after(random.between(14, 45), () => {
      payAttendanceFees(run, site);
      if (random.chance(0.85)) settle(run, fee.commitment, 'FulfilCommitment', 'Alle vergoedingen betaald');
    });
  }
}
