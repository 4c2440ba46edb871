import { compareStamps, dutchDate, dutchMidnight, within, type TimeWindow } from '../core/time-window';
import type { MeetingEntry } from '../directory/directory.projection';
import type { CommitmentFact, CommitmentOrigin, CommitmentRecord } from '../commitments/commitments.projection';
import { compareText, outcomeIn } from '../commitments/commitments.query';
import { meetingsConcerning, partiesPresentAt } from '../presence/presence.query';
import { marksAt } from '../presence/presence.projection';
import { judgedAt } from '../commitments/judged-at';
import { inPeriod, netAmount, partiesToRead, SiteIndex, type MoneyFilter, type MoneySources } from './money-sites';

/** One meeting an initiative attended while a party had promised it a fee per meeting. */
export interface Entitlement {
  readonly commitmentId: string;
  readonly programmeId: string;
  readonly payerPartyId: string;
  readonly initiativePartyId: string;
  readonly siteId: string | null;
  readonly meetingId: string;
  readonly meetingTitle: string;
  /** The Dutch date of the meeting. */
  readonly meetingOn: string;
  /** The fee in force on the day of the meeting. */
  readonly amountInCents: number;
  readonly paidInCents: number;
  readonly openInCents: number;
  /** The payment that settled it in full, and its date; null while (partly) open. */
  readonly paymentId: string | null;
  readonly paidOn: string | null;
  /** Days from the meeting to the payment that settled it; while waiting, to the day it is judged on. */
  readonly daysWaited: number;
  readonly waiting: boolean;
}

/** What one party owes one initiative in attendance fees, and what it paid. */
export interface FeeAccount {
  readonly payerPartyId: string;
  readonly payerName: string;
  readonly initiativePartyId: string;
  readonly initiativeName: string;
  readonly entitlements: number;
  readonly entitledInCents: number;
  /** Fee payments from the payer to the initiative, net of reversals. */
  readonly paidInCents: number;
  readonly openInCents: number;
  /** Paid beyond the entitlements so far: settles the next ones. */
  readonly creditInCents: number;
}

export interface AttendanceFeesReport {
  readonly entitlements: Entitlement[];
  readonly accounts: FeeAccount[];
}

/**
 * Attendance fees: each meeting that took place (not cancelled) from the moment a fee was
 * promised until the promise ended (fulfilled, broken or withdrawn), where someone was
 * present for an initiative the fee was promised to, entitles that initiative to the fee in
 * force on that day. Fees earned before a promise ended stay owed. Payments with purpose
 * 'attendance-fee' from the payer to the initiative (net of reversals) settle the oldest open
 * entitlements first, across all the payer's fee promises to it. Days waited run from the
 * meeting to the settling payment's paidOn, or while open to the day judged on (asOf, else
 * knownAt, else today). Listed per payer and initiative, oldest meeting first. Accounts
 * cover every entitlement in the window; the period filter narrows only those listed.
 */
export function attendanceFees(
  sources: MoneySources,
  filter: MoneyFilter,
  window: TimeWindow,
  now: number,
): AttendanceFeesReport {
  const sites = new SiteIndex(sources.directory, window);
  const ledger = feeLedger(sources, sites, partiesToRead(sites, filter), window, judgedAt(window, now));
  const { directory } = sources;
  const shown = (payer: string, initiative: string) =>
    !filter.partyId || payer === filter.partyId || initiative === filter.partyId;
  const narrowed =
    filter.partyId || filter.programmeId || filter.siteId || filter.from !== undefined || filter.to !== undefined;
  const entitlements = !narrowed
    ? ledger.entitlements
    : ledger.entitlements.filter(
        (e) =>
          shown(e.payerPartyId, e.initiativePartyId) &&
          (!filter.programmeId || e.programmeId === filter.programmeId) &&
          (!filter.siteId || e.siteId === filter.siteId) &&
          inPeriod(filter, dutchMidnight(e.meetingOn)),
      );
  const accounts = ledger.accounts
    .filter((a) => shown(a.payerPartyId, a.initiativePartyId))
    .filter((a) => !filter.siteId || sites.partiesOf(filter.siteId).includes(a.initiativePartyId))
    .filter((a) => !filter.programmeId || a.programmeIds.has(filter.programmeId))
    .map(({ programmeIds: _programmes, ...account }) => ({
      ...account,
      payerName: directory.parties.get(account.payerPartyId)?.name ?? account.payerPartyId,
      initiativeName: directory.parties.get(account.initiativePartyId)?.name ?? account.initiativePartyId,
    }));
  return { entitlements, accounts };
}

type AccountTotals = Omit<FeeAccount, 'payerName' | 'initiativeName'> & { programmeIds: Set<string> };

export interface Pool {
  readonly payerPartyId: string;
  readonly initiativePartyId: string;
  readonly programmeIds: Set<string>;
  readonly entitlements: Earned[];
}

export interface Earned {
  readonly commitmentId: string;
  readonly programmeId: string;
  readonly siteId: string | null;
  readonly meeting: MeetingEntry;
  readonly amountInCents: number;
}

/**
 * The fees earned under the fee promises touching `parties` (all when undefined), per
 * payer and initiative, in no particular order.
 */
export function earnedFees(
  { directory, presence, commitments, money }: MoneySources,
  sites: SiteIndex,
  parties: readonly string[] | undefined,
  window: TimeWindow,
  at: number,
): Pool[] {
  const meetings = new HeldMeetings(directory, presence, money.correctedMeetings, window, at);
  const pools = new Map<string, Pool>();
  for (const record of feePromises(commitments, parties)) {
    const origin = record.origin;
    if (!origin || origin.kind !== 'attendance-fee' || !within(origin, window)) continue;
    const ended = outcomeIn(record, window)?.occurredAt ?? Number.POSITIVE_INFINITY;
    const fees = feeSchedule(record, window);
    for (const initiative of origin.toPartyIds) {
      const key = `${origin.byPartyId}\u0000${initiative}`;
      let pool = pools.get(key);
      if (!pool) {
        pool = {
          payerPartyId: origin.byPartyId,
          initiativePartyId: initiative,
          programmeIds: new Set(),
          entitlements: [],
        };
        pools.set(key, pool);
      }
      pool.programmeIds.add(origin.programmeId);
      // Every meeting that concerns the initiative; whether it was present there is decided below.
      for (const meetingId of meetings.concerning(initiative)) {
        const meeting = meetings.held(meetingId);
        if (!meeting || meeting.programmeId !== origin.programmeId) continue;
        if (meeting.startsAt < origin.occurredAt || meeting.startsAt > ended) continue;
        if (!meetings.presentFor(meeting, initiative)) continue;
        const amountInCents = feeOn(fees, meeting.startsAt);
        if (amountInCents <= 0) continue;
        pool.entitlements.push({
          commitmentId: record.commitmentId,
          programmeId: origin.programmeId,
          siteId: siteOfFee(sites, origin, initiative),
          meeting,
          amountInCents,
        });
      }
    }
  }
  return [...pools.values()];
}

/**
 * Every entitlement of the fee promises touching `parties` (all when undefined), with the
 * payments allocated to it, per payer and initiative and then oldest first. A pool (payer,
 * initiative) is always read whole, so the oldest entitlements are settled first also when
 * only some are shown.
 */
export function feeLedger(
  sources: MoneySources,
  sites: SiteIndex,
  parties: readonly string[] | undefined,
  window: TimeWindow,
  at: number,
): { entitlements: Entitlement[]; accounts: AccountTotals[] } {
  const { money } = sources;
  const pools = earnedFees(sources, sites, parties, window, at).sort(
    (a, b) => compareText(a.payerPartyId, b.payerPartyId) || compareText(a.initiativePartyId, b.initiativePartyId),
  );
  const entitlements: Entitlement[] = [];
  const accounts: AccountTotals[] = [];
  const judgedDay = dutchMidnight(dutchDate(at));
  const days = new MeetingDays();
  for (const pool of pools) {
    const payments = (money.paymentsByParty.get(pool.initiativePartyId) ?? [])
      .filter(
        (p) =>
          p.fromPartyId === pool.payerPartyId &&
          p.toPartyId === pool.initiativePartyId &&
          p.purpose === 'attendance-fee' &&
          within(p, window),
      )
      .map((p) => ({ payment: p, left: netAmount(money, p, window) }))
      .filter((p) => p.left > 0)
      .sort(
        (a, b) =>
          compareText(a.payment.paidOn, b.payment.paidOn) ||
          compareStamps(a.payment, b.payment) ||
          compareText(a.payment.paymentId, b.payment.paymentId),
      );
    const paidInCents = payments.reduce((sum, p) => sum + p.left, 0);
    const earned = pool.entitlements.sort(
      (a, b) =>
        a.meeting.startsAt - b.meeting.startsAt ||
        compareText(a.meeting.meetingId, b.meeting.meetingId) ||
        compareText(a.commitmentId, b.commitmentId),
    );
    let next = 0;
    let open = 0;
    for (const e of earned) {
      let paid = 0;
      let settledBy: (typeof payments)[number] | undefined;
      while (paid < e.amountInCents && next < payments.length) {
        const source = payments[next];
        const take = Math.min(e.amountInCents - paid, source.left);
        paid += take;
        source.left -= take;
        if (paid === e.amountInCents) settledBy = source;
        if (source.left === 0) next += 1;
      }
      const meetingOn = days.dateOf(e.meeting);
      const waitedUntil = settledBy ? dutchMidnight(settledBy.payment.paidOn) : judgedDay;
      open += e.amountInCents - paid;
      entitlements.push({
        commitmentId: e.commitmentId,
        programmeId: e.programmeId,
        payerPartyId: pool.payerPartyId,
        initiativePartyId: pool.initiativePartyId,
        siteId: e.siteId,
        meetingId: e.meeting.meetingId,
        meetingTitle: e.meeting.title,
        meetingOn,
        amountInCents: e.amountInCents,
        paidInCents: paid,
        openInCents: e.amountInCents - paid,
        paymentId: settledBy?.payment.paymentId ?? null,
        paidOn: settledBy?.payment.paidOn ?? null,
        daysWaited: Math.max(0, Math.round((waitedUntil - dutchMidnight(meetingOn)) / DAY)),
        waiting: !settledBy,
      });
    }
    accounts.push({
      payerPartyId: pool.payerPartyId,
      initiativePartyId: pool.initiativePartyId,
      programmeIds: pool.programmeIds,
      entitlements: earned.length,
      entitledInCents: earned.reduce((sum, e) => sum + e.amountInCents, 0),
      paidInCents,
      openInCents: open,
      creditInCents: payments.reduce((sum, p) => sum + p.left, 0),
    });
  }
  // The pools were sorted by payer and initiative: entitlements and accounts are in that order.
  return { entitlements, accounts };
}

/** The fee promises among the commitments of these parties (all money commitments when undefined). */
function feePromises(commitments: MoneySources['commitments'], parties: readonly string[] | undefined) {
  const ids = parties ? new Set(parties.flatMap((p) => commitments.byParty.get(p) ?? [])) : commitments.money;
  const records: CommitmentRecord[] = [];
  for (const id of ids) {
    const record = commitments.byId.get(id);
    if (record?.origin?.kind === 'attendance-fee') records.push(record);
  }
  return records;
}

const DAY = 86_400_000;

/** Each meeting's Dutch date, worked out once per question: many initiatives attend one meeting. */
class MeetingDays {
  private readonly dates = new Map<string, string>();

  dateOf(meeting: MeetingEntry): string {
    let date = this.dates.get(meeting.meetingId);
    if (date === undefined) {
      date = dutchDate(meeting.startsAt);
      this.dates.set(meeting.meetingId, date);
    }
    return date;
  }
}

/** A fee promise's amounts in the window, in the order they were set (made, then amended). */
function feeSchedule(record: CommitmentRecord, window: TimeWindow): CommitmentFact[] {
  return record.facts
    .filter((version) => version.amountInCents !== undefined && within(version, window))
    .sort(compareStamps);
}

/**
 * The fee in force on the day of the meeting: the last amount set by then (amendments made
 * later do not reach back); for a meeting before any, the first amount.
 */
function feeOn(schedule: readonly CommitmentFact[], startsAt: number): number {
  let fee = schedule[0]?.amountInCents ?? 0;
  for (const version of schedule) {
    if (version.occurredAt > startsAt) break;
    fee = version.amountInCents ?? fee;
  }
  return fee;
}

/** A fee belongs to the site the promise names, else to the site of the initiative paid. */
function siteOfFee(sites: SiteIndex, origin: CommitmentOrigin, initiative: string): string | null {
  return origin.siteId ?? sites.siteFor([initiative], origin.byPartyId, origin.programmeId);
}

/**
 * The meetings that took place by the moment judged (scheduled in the window, not
 * cancelled in it), and who was present at them, asked one meeting at a time.
 */
class HeldMeetings {
  private readonly present = new Map<string, Set<string>>();
  private readonly ofParty = new Map<string, Set<string>>();

  constructor(
    private readonly directory: MoneySources['directory'],
    private readonly presence: MoneySources['presence'],
    private readonly corrected: ReadonlySet<string>,
    private readonly window: TimeWindow,
    private readonly at: number,
  ) {}

  /** The meetings that concern a party, worked out once per question (an initiative may have several fee promises). */
  concerning(partyId: string): Set<string> {
    let meetings = this.ofParty.get(partyId);
    if (!meetings) {
      meetings = meetingsConcerning(this.directory, this.presence, partyId);
      this.ofParty.set(partyId, meetings);
    }
    return meetings;
  }

  held(meetingId: string): MeetingEntry | undefined {
    const meeting = this.directory.meetings.get(meetingId);
    if (!meeting || !within(meeting, this.window) || meeting.startsAt > this.at) return undefined;
    return meeting.cancelled && within(meeting.cancelled, this.window) ? undefined : meeting;
  }

  /**
   * Whether someone was present for the party: each person's latest mark in the window
   * counts, as in the presence view. A collective meeting has marks of hundreds of parties,
   * so each meeting's parties present are worked out once per question; where no mark was
   * ever corrected, every person has one mark and the marks are read as they are.
   */
  presentFor(meeting: MeetingEntry, partyId: string): boolean {
    let parties = this.present.get(meeting.meetingId);
    if (!parties) {
      if (this.corrected.has(meeting.meetingId)) {
        parties = partiesPresentAt(this.presence, meeting.meetingId, this.window);
      } else {
        parties = new Set();
        for (const mark of marksAt(this.presence, meeting.meetingId)) {
          if (mark.status === 'present' && within(mark, this.window)) parties.add(mark.partyId);
        }
      }
      this.present.set(meeting.meetingId, parties);
    }
    return parties.has(partyId);
  }
}
