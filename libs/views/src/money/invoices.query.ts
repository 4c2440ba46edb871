import type { PartyKind } from '@samen/structure/domain';
import { compareStamps, daysBetween, dutchMidnight, within, type TimeWindow } from '../core/time-window';
import { compareText } from '../commitments/commitments.query';
import { judgedAt } from '../commitments/judged-at';
import {
  inPeriod,
  partiesToRead,
  recordsOfParties,
  SiteIndex,
  type MoneyFilter,
  type MoneySources,
} from './money-sites';
import type { InvoicePayment, InvoiceRecord } from './money.projection';

export interface InvoiceWait {
  readonly invoiceId: string;
  readonly fromPartyId: string;
  readonly fromName: string;
  readonly fromKind: PartyKind | 'unknown';
  readonly toPartyId: string;
  readonly toName: string;
  readonly siteId: string | null;
  readonly programmeId: string | null;
  readonly commitmentId: string | null;
  readonly amountInCents: number;
  readonly submittedOn: string;
  /** The payment that paid it and its date; null while it waits (also again after a reversal). */
  readonly paymentId: string | null;
  readonly paidOn: string | null;
  /** Days from submission to payment; while waiting, to the day it is judged on. */
  readonly daysWaited: number;
  readonly waiting: boolean;
  /** A payment of it was reversed, which opened it again. */
  readonly reopened: boolean;
}

/**
 * Invoices (mostly initiatives billing for their time) and how long each waited. An
 * invoice is paid by its latest InvoicePaid in the window whose payment was not reversed in
 * it: a reversed payment opens the invoice again, as the money capability decides.
 */
export function invoiceWaits(
  { directory, commitments, money }: MoneySources,
  filter: MoneyFilter,
  window: TimeWindow,
  now: number,
): { invoices: InvoiceWait[] } {
  const at = judgedAt(window, now);
  const sites = new SiteIndex(directory, window);
  const invoices: InvoiceWait[] = [];
  // A site's invoices are sent or received by one of its parties, or fall under one of its commitments.
  const siteParties = filter.siteId ? new Set(sites.partiesOf(filter.siteId)) : undefined;
  for (const invoice of recordsOfParties(
    money.invoices,
    money.invoicesByParty,
    (i) => i.invoiceId,
    partiesToRead(sites, filter),
  )) {
    if (!within(invoice, window)) continue;
    if (filter.partyId && invoice.fromPartyId !== filter.partyId && invoice.toPartyId !== filter.partyId) continue;
    const origin = invoice.commitmentId ? commitments.byId.get(invoice.commitmentId)?.origin : undefined;
    const under = origin && within(origin, window) ? origin : undefined;
    if (
      siteParties &&
      !siteParties.has(invoice.fromPartyId) &&
      !siteParties.has(invoice.toPartyId) &&
      !(under && under.siteId === filter.siteId)
    ) {
      continue;
    }
    if (!inPeriod(filter, dutchMidnight(invoice.submittedOn))) continue;
    const siteId = under ? sites.siteOfCommitment(under) : sites.siteFor([invoice.fromPartyId], invoice.toPartyId);
    const programmeId = under?.programmeId ?? (siteId && sites.site(siteId)?.programmeId) ?? null;
    if (filter.siteId && siteId !== filter.siteId) continue;
    if (filter.programmeId && programmeId !== filter.programmeId) continue;
    const { paid, reopened } = paymentOf(money, invoice, window);
    const from = directory.parties.get(invoice.fromPartyId);
    invoices.push({
      invoiceId: invoice.invoiceId,
      fromPartyId: invoice.fromPartyId,
      fromName: from?.name ?? invoice.fromPartyId,
      fromKind: from?.kind ?? 'unknown',
      toPartyId: invoice.toPartyId,
      toName: directory.parties.get(invoice.toPartyId)?.name ?? invoice.toPartyId,
      siteId,
      programmeId,
      commitmentId: invoice.commitmentId ?? null,
      amountInCents: invoice.amountInCents,
      submittedOn: invoice.submittedOn,
      paymentId: paid?.paymentId ?? null,
      paidOn: paid?.paidOn ?? null,
      daysWaited: Math.max(0, daysBetween(dutchMidnight(invoice.submittedOn), paid ? dutchMidnight(paid.paidOn) : at)),
      waiting: !paid,
      reopened,
    });
  }
  return {
    invoices: invoices.sort(
      (a, b) => compareText(a.submittedOn, b.submittedOn) || compareText(a.invoiceId, b.invoiceId),
    ),
  };
}

function paymentOf(
  money: MoneySources['money'],
  invoice: InvoiceRecord,
  window: TimeWindow,
): { paid?: InvoicePayment; reopened: boolean } {
  let paid: InvoicePayment | undefined;
  let reopened = false;
  for (const payment of money.invoicePayments.get(invoice.invoiceId) ?? []) {
    if (!within(payment, window)) continue;
    const reversal = money.reversals.get(payment.paymentId);
    if (reversal && within(reversal, window)) {
      reopened = true;
      continue;
    }
    if (!paid || compareStamps(payment, paid) >= 0) paid = payment;
  }
  return { ...(paid && { paid }), reopened };
}
