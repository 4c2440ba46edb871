import type { PartyKind } from '@samen/structure/domain';
import { dutchMidnight, within, type TimeWindow } from '../core/time-window';
import type { CommitmentRecord } from '../commitments/commitments.projection';
import { pushTo } from '../core/projection';
import { compareText, statusIn, termsIn } from '../commitments/commitments.query';
import { judgedAt } from '../commitments/judged-at';
import { earnedFees, type Earned } from './attendance-fees.query';
import {
  inPeriod,
  netAmount,
  partiesToRead,
  recordsOfParties,
  SiteIndex,
  type MoneyFilter,
  type MoneySources,
} from './money-sites';
import type { PaymentRecord } from './money.projection';

/** What one payer committed to and paid for one site (or for no site: siteId null). */
export interface MoneyLine {
  readonly payerPartyId: string;
  readonly payerName: string;
  readonly payerKind: PartyKind | 'unknown';
  readonly siteId: string | null;
  readonly siteName: string | null;
  readonly programmeId: string | null;
  /** Money promised: funding commitments plus the attendance fees earned so far. */
  readonly committedInCents: number;
  /** Paid towards it (funding and fees), net of reversals. */
  readonly paidInCents: number;
  /** committed − paid, never below 0. */
  readonly outstandingInCents: number;
  readonly fundingCommittedInCents: number;
  readonly feesEntitledInCents: number;
  readonly fundingPaidInCents: number;
  readonly feesPaidInCents: number;
  /** Invoices paid outside any money commitment (e.g. advisory work): shown, not counted against commitments. */
  readonly invoicesPaidInCents: number;
  readonly commitmentIds: readonly string[];
}

export interface PayerTotal {
  readonly partyId: string;
  readonly name: string;
  readonly kind: PartyKind | 'unknown';
  readonly committedInCents: number;
  readonly paidInCents: number;
  /** The sum of its lines' outstanding: paying too much at one site pays nothing at another. */
  readonly outstandingInCents: number;
  readonly invoicesPaidInCents: number;
}

export interface Funder {
  readonly partyId: string;
  readonly name: string;
  readonly kind: PartyKind | 'unknown';
  readonly committedInCents: number;
  readonly paidInCents: number;
  /** Its part of what the pot was promised, 0..1 rounded to 4 decimals; null while nothing is. */
  readonly share: number | null;
}

/** Joint funding: all funding promised to one site, across all its funders. */
export interface SitePot {
  readonly siteId: string;
  readonly siteName: string;
  readonly committedInCents: number;
  readonly paidInCents: number;
  readonly outstandingInCents: number;
  /** More than one funder promised money to it. */
  readonly joint: boolean;
  readonly funders: Funder[];
}

export interface MoneyReport {
  readonly lines: MoneyLine[];
  readonly payers: PayerTotal[];
  readonly pots: SitePot[];
}

type Category = 'funding' | 'fee' | 'invoice';

interface Tally {
  payerPartyId: string;
  siteId: string | null;
  programmeId: string | null;
  fundingCommitted: number;
  feesEntitled: number;
  fundingPaid: number;
  feesPaid: number;
  invoicesPaid: number;
  commitmentIds: Set<string>;
}

/**
 * Money per payer (fonds, gemeente, …) and site: committed, paid and outstanding.
 *
 * Committed: a 'fund' commitment counts its amount as amended in the window while open or
 * fulfilled; a withdrawn one no longer counts; a broken one counts only what was paid on it
 * (payments that settle it), so breaking a promise leaves nothing outstanding on it, while
 * the money that did flow still shows. An 'attendance-fee' commitment's amount is per
 * meeting: it counts the fees earned so far (see attendanceFees).
 *
 * Paid: every payment by the payer, net of reversals (a reversed payment counts 0, so a
 * payment repeated after a reversal counts once), put to a site through what it settles or
 * its payee (see SiteIndex). Invoice payments outside any money commitment are shown apart.
 */
export function moneyReport(sources: MoneySources, filter: MoneyFilter, window: TimeWindow, now: number): MoneyReport {
  const { directory, commitments, money } = sources;
  const sites = new SiteIndex(directory, window);
  const parties = partiesToRead(sites, filter);
  const tallies = new Map<string, Map<string | null, Tally>>();
  const tally = (payerPartyId: string, siteId: string | null, programmeId: string | null): Tally => {
    let ofPayer = tallies.get(payerPartyId);
    if (!ofPayer) tallies.set(payerPartyId, (ofPayer = new Map()));
    let found = ofPayer.get(siteId);
    if (!found) {
      found = {
        payerPartyId,
        siteId,
        programmeId: (siteId && sites.site(siteId)?.programmeId) ?? programmeId,
        fundingCommitted: 0,
        feesEntitled: 0,
        fundingPaid: 0,
        feesPaid: 0,
        invoicesPaid: 0,
        commitmentIds: new Set(),
      };
      ofPayer.set(siteId, found);
    }
    return found;
  };
  const shows = (programmeId: string | null, siteId: string | null, partyIds: readonly string[]) =>
    (!filter.programmeId || programmeId === filter.programmeId) &&
    (!filter.siteId || siteId === filter.siteId) &&
    (!filter.partyId || partyIds.includes(filter.partyId));

  const settled = new SettledAmounts(sources, window);
  for (const record of moneyCommitments(commitments, parties, filter.siteId)) {
    const origin = record.origin;
    if (!origin || origin.kind !== 'fund' || !within(origin, window)) continue;
    const siteId = sites.siteOfCommitment(origin);
    if (!shows(origin.programmeId, siteId, [origin.byPartyId, ...origin.toPartyIds])) continue;
    if (!inPeriod(filter, origin.occurredAt)) continue;
    const line = tally(origin.byPartyId, siteId, origin.programmeId);
    line.commitmentIds.add(record.commitmentId);
    line.fundingCommitted += committedOn(record, origin.byPartyId, window, settled);
  }

  for (const pool of earnedFees(sources, sites, parties, window, judgedAt(window, now))) {
    const pair = [pool.payerPartyId, pool.initiativePartyId];
    let line: Tally | undefined;
    let last: Earned | undefined;
    for (const e of pool.entitlements) {
      if (!shows(e.programmeId, e.siteId, pair) || !inPeriod(filter, e.meeting.startsAt)) continue;
      // A pool's entitlements mostly share their promise and site: the line is looked up once.
      if (!line || !last || last.siteId !== e.siteId || last.commitmentId !== e.commitmentId) {
        line = tally(pool.payerPartyId, e.siteId, e.programmeId);
        line.commitmentIds.add(e.commitmentId);
      }
      line.feesEntitled += e.amountInCents;
      last = e;
    }
  }

  for (const payment of recordsOfParties(money.payments, money.paymentsByParty, (p) => p.paymentId, parties)) {
    if (!within(payment, window) || !inPeriod(filter, dutchMidnight(payment.paidOn))) continue;
    const net = netAmount(money, payment, window);
    if (net === 0) continue;
    const { category, siteId, programmeId } = placeOf(sources, sites, payment, window);
    if (!shows(programmeId, siteId, [payment.fromPartyId, payment.toPartyId])) continue;
    const line = tally(payment.fromPartyId, siteId, programmeId);
    if (category === 'funding') line.fundingPaid += net;
    else if (category === 'fee') line.feesPaid += net;
    else line.invoicesPaid += net;
  }

  const all = [...tallies.values()].flatMap((ofPayer) => [...ofPayer.values()]);
  const lines = all.map((t) => lineOf(sources, sites, t)).sort(byPayerAndSite);
  return { lines, payers: payerTotals(lines), pots: potsOf(all, sites, sources) };
}

/** Per commitment, what the payments that settle it paid, net: read per payer, only when needed. */
class SettledAmounts {
  private readonly byPayer = new Map<string, Map<string, number>>();

  constructor(
    private readonly sources: MoneySources,
    private readonly window: TimeWindow,
  ) {}

  of(payerPartyId: string, commitmentId: string): number {
    let settled = this.byPayer.get(payerPartyId);
    if (!settled) {
      settled = new Map();
      for (const payment of this.sources.money.paymentsByParty.get(payerPartyId) ?? []) {
        if (payment.fromPartyId !== payerPartyId || !payment.settlesCommitmentId) continue;
        if (!within(payment, this.window)) continue;
        const id = payment.settlesCommitmentId;
        settled.set(id, (settled.get(id) ?? 0) + netAmount(this.sources.money, payment, this.window));
      }
      this.byPayer.set(payerPartyId, settled);
    }
    return settled.get(commitmentId) ?? 0;
  }
}

function committedOn(record: CommitmentRecord, payerPartyId: string, window: TimeWindow, settled: SettledAmounts) {
  switch (statusIn(record, window)) {
    case 'open':
    case 'fulfilled':
      return termsIn(record.facts, window).amountInCents ?? 0;
    case 'withdrawn':
      return 0;
    case 'broken':
      return settled.of(payerPartyId, record.commitmentId);
  }
}

/**
 * What a payment is for and which site it goes to: through the commitment it settles, the
 * invoice it settles (and that invoice's commitment), or else its payee.
 */
function placeOf(
  { commitments, money }: MoneySources,
  sites: SiteIndex,
  payment: PaymentRecord,
  window: TimeWindow,
): { category: Category; siteId: string | null; programmeId: string | null } {
  const found = payment.settlesInvoiceId ? money.invoices.get(payment.settlesInvoiceId) : undefined;
  const invoice = found && within(found, window) ? found : undefined;
  const underId = payment.settlesCommitmentId ?? invoice?.commitmentId;
  const origin = underId ? commitments.byId.get(underId)?.origin : undefined;
  const under = origin && within(origin, window) ? origin : undefined;
  const category: Category =
    payment.purpose === 'attendance-fee' || under?.kind === 'attendance-fee'
      ? 'fee'
      : under
        ? 'funding'
        : payment.purpose === 'invoice' || payment.settlesInvoiceId
          ? 'invoice'
          : 'funding';
  if (under?.siteId !== undefined) return { category, siteId: under.siteId, programmeId: under.programmeId };
  if (under && category === 'funding') {
    return { category, siteId: sites.siteOfCommitment(under), programmeId: under.programmeId };
  }
  const siteId = sites.siteFor([payment.toPartyId], payment.fromPartyId, under?.programmeId);
  return { category, siteId, programmeId: under?.programmeId ?? (siteId && sites.site(siteId)?.programmeId) ?? null };
}

/** The money commitments the filter can reach: of its parties and its site, or all. */
function moneyCommitments(
  commitments: MoneySources['commitments'],
  parties: readonly string[] | undefined,
  siteId: string | undefined,
): CommitmentRecord[] {
  const ids = parties
    ? new Set([
        ...parties.flatMap((p) => commitments.byParty.get(p) ?? []),
        ...((siteId && commitments.bySite.get(siteId)) || []),
      ])
    : commitments.money;
  const records: CommitmentRecord[] = [];
  for (const id of ids) {
    const record = commitments.byId.get(id);
    if (record?.origin) records.push(record);
  }
  return records;
}

function lineOf({ directory }: MoneySources, sites: SiteIndex, t: Tally): MoneyLine {
  const payer = directory.parties.get(t.payerPartyId);
  const committed = t.fundingCommitted + t.feesEntitled;
  const paid = t.fundingPaid + t.feesPaid;
  return {
    payerPartyId: t.payerPartyId,
    payerName: payer?.name ?? t.payerPartyId,
    payerKind: payer?.kind ?? 'unknown',
    siteId: t.siteId,
    siteName: t.siteId ? (sites.site(t.siteId)?.name ?? t.siteId) : null,
    programmeId: t.programmeId,
    committedInCents: committed,
    paidInCents: paid,
    outstandingInCents: Math.max(0, committed - paid),
    fundingCommittedInCents: t.fundingCommitted,
    feesEntitledInCents: t.feesEntitled,
    fundingPaidInCents: t.fundingPaid,
    feesPaidInCents: t.feesPaid,
    invoicesPaidInCents: t.invoicesPaid,
    commitmentIds: [...t.commitmentIds].sort(compareText),
  };
}

function payerTotals(lines: readonly MoneyLine[]): PayerTotal[] {
  const totals = new Map<string, PayerTotal>();
  for (const line of lines) {
    const before = totals.get(line.payerPartyId);
    totals.set(line.payerPartyId, {
      partyId: line.payerPartyId,
      name: line.payerName,
      kind: line.payerKind,
      committedInCents: (before?.committedInCents ?? 0) + line.committedInCents,
      paidInCents: (before?.paidInCents ?? 0) + line.paidInCents,
      outstandingInCents: (before?.outstandingInCents ?? 0) + line.outstandingInCents,
      invoicesPaidInCents: (before?.invoicesPaidInCents ?? 0) + line.invoicesPaidInCents,
    });
  }
  return [...totals.values()].sort((a, b) => compareText(a.partyId, b.partyId));
}

/** Each site's funding (not fees, not invoices) as one pot, with each funder's share of it. */
function potsOf(tallies: readonly Tally[], sites: SiteIndex, { directory }: MoneySources): SitePot[] {
  const bySite = new Map<string, Tally[]>();
  for (const t of tallies) {
    if (t.siteId === null || (t.fundingCommitted === 0 && t.fundingPaid === 0)) continue;
    pushTo(bySite, t.siteId, t);
  }
  return [...bySite.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([siteId, funders]) => {
      const committed = funders.reduce((sum, f) => sum + f.fundingCommitted, 0);
      const paid = funders.reduce((sum, f) => sum + f.fundingPaid, 0);
      return {
        siteId,
        siteName: sites.site(siteId)?.name ?? siteId,
        committedInCents: committed,
        paidInCents: paid,
        outstandingInCents: Math.max(0, committed - paid),
        joint: funders.filter((f) => f.fundingCommitted > 0).length > 1,
        funders: funders
          .sort((a, b) => compareText(a.payerPartyId, b.payerPartyId))
          .map((f) => ({
            partyId: f.payerPartyId,
            name: directory.parties.get(f.payerPartyId)?.name ?? f.payerPartyId,
            kind: directory.parties.get(f.payerPartyId)?.kind ?? 'unknown',
            committedInCents: f.fundingCommitted,
            paidInCents: f.fundingPaid,
            share: committed === 0 ? null : Math.round((f.fundingCommitted / committed) * 10_000) / 10_000,
          })),
      };
    });
}

const byPayerAndSite = (a: MoneyLine, b: MoneyLine) =>
  compareText(a.payerPartyId, b.payerPartyId) ||
  (a.siteId === b.siteId ? 0 : a.siteId === null ? 1 : b.siteId === null ? -1 : compareText(a.siteId, b.siteId));
