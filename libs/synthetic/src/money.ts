import {
  invoiceDecider,
  invoiceStream,
  paymentDecider,
  paymentStream,
  type Invoice,
  type Payment,
  type PaymentPurpose,
  type SettlementContext,
} from '@samen/money';
import { DAY, isoDate } from './calendar';
import type { CommitmentState, ProgrammeRun, SiteState } from './programme-run';
import { StreamCursor } from './simulation';
import { REVERSAL_REASONS } from './texts';

/** About one payment in thirty is reversed (paid twice, wrong account) and paid again. */
const REVERSAL_CHANCE = 0.03;

type InvoiceState = { readonly cursor: StreamCursor<Invoice>; paidBy?: StreamCursor<Payment> };

export type PaymentOrder = Readonly<{
  from: string;
  to: string;
  amountInCents: number;
  purpose: PaymentPurpose;
  commitment?: CommitmentState;
  invoice?: InvoiceState;
}>;

/**
 * A payment, with the settlement context the handler would find: the commitment's status
 * and maker, the invoice as it stands (open again once the payment that paid it was reversed).
 */
export function pay(run: ProgrammeRun, order: PaymentOrder): void {
  const { random, sim } = run;
  const { commitment, invoice } = order;
  const paymentId = run.nextId('betaling');
  const cursor = new StreamCursor(paymentStream(paymentId), paymentDecider.initialState(), true);
  sim.record(cursor, paymentDecider, {
    type: 'MakePayment',
    data: {
      paymentId,
      fromPartyId: order.from,
      toPartyId: order.to,
      amountInCents: order.amountInCents,
      purpose: order.purpose,
      paidOn: isoDate(sim.now),
      ...(commitment && { settlesCommitmentId: commitment.commitmentId }),
      ...(invoice && { settlesInvoiceId: invoiceIdOf(invoice) }),
    },
    context: settlementContext(order),
  });
  if (invoice) run.after(random.between(1, 3), () => recordInvoicePaid(run, invoice, cursor));
  if (random.chance(REVERSAL_CHANCE)) {
    // Never before the invoice was marked paid (at most five days, weekends included).
    run.after(random.between(7, 20), () => {
      sim.record(cursor, paymentDecider, {
        type: 'ReversePayment',
        data: { paymentId, reason: random.pick(REVERSAL_REASONS) },
      });
      run.after(random.between(2, 10), () => pay(run, order));
    });
  }
}

function settlementContext({ commitment, invoice }: PaymentOrder): SettlementContext {
  const context: SettlementContext = {};
  const made = commitment?.cursor.state;
  if (made && made.status !== 'none') context.commitment = { status: made.status, byPartyId: made.terms.byPartyId };
  const standing = invoice?.cursor.state;
  if (invoice && standing && standing.status !== 'none') {
    const { fromPartyId, toPartyId, amountInCents } = standing.terms;
    const status = standing.status === 'paid' && !paidByReversed(invoice) ? 'paid' : 'submitted';
    context.invoice = { status, fromPartyId, toPartyId, amountInCents };
  }
  return context;
}

const paidByReversed = (invoice: InvoiceState) => invoice.paidBy?.state.status === 'reversed';

function invoiceIdOf(invoice: InvoiceState): string {
  const state = invoice.cursor.state;
  if (state.status === 'none') throw new Error('an invoice is submitted before it is paid');
  return state.terms.invoiceId;
}

function recordInvoicePaid(run: ProgrammeRun, invoice: InvoiceState, payment: StreamCursor<Payment>): void {
  const made = payment.state;
  // A payment reversed before anyone marked the invoice paid never pays it; its replacement will.
  if (made.status !== 'made') return;
  run.sim.record(invoice.cursor, invoiceDecider, {
    type: 'RecordInvoicePaid',
    data: { invoiceId: invoiceIdOf(invoice), paymentId: made.terms.paymentId },
    context: {
      payment: {
        ...(made.terms.settlesInvoiceId !== undefined && { settlesInvoiceId: made.terms.settlesInvoiceId }),
        reversed: false,
        paidOn: made.terms.paidOn,
      },
      earlierPaymentReversed: invoice.cursor.state.status === 'paid' && paidByReversed(invoice),
    },
  });
  invoice.paidBy = payment;
}

/**
 * Initiatives bill the gemeente (sometimes a fund) for their advisory time, a few times
 * per programme; most invoices are paid after days to months, some never.
 */
export function planInvoices(run: ProgrammeRun, site: SiteState): void {
  const { random, sim, plan } = run;
  const count = random.pick([0, 0, 1, 1, 2, 2, 3, 4]);
  for (let i = 0; i < count; i++) {
    const at = random.uniform(sim.now + 30 * DAY, plan.endsAt + 14 * DAY);
    run.at(at, () => {
      const from = random.pick(site.initiatives).partyId;
      const funder = run.plan.funds.length > 0 && random.chance(0.2) ? random.pick(run.plan.funds) : undefined;
      const to = funder?.partyId ?? site.gemeente.partyId;
      const hours = random.between(4, 60);
      const invoiceId = run.nextId('factuur');
      const invoice: InvoiceState = {
        cursor: new StreamCursor(invoiceStream(invoiceId), invoiceDecider.initialState(), true),
      };
      const underCommitment = site.deliverCommitment && random.chance(0.4) ? site.deliverCommitment : undefined;
      const amountInCents = hours * random.between(35, 75) * 100;
      sim.record(invoice.cursor, invoiceDecider, {
        type: 'SubmitInvoice',
        data: {
          invoiceId,
          fromPartyId: from,
          toPartyId: to,
          amountInCents,
          description: `Advieswerk voor de proeftuin, ${hours} uur`,
          submittedOn: isoDate(sim.now),
          ...(underCommitment && { commitmentId: underCommitment.commitmentId }),
        },
      });
      if (random.chance(0.85)) {
        run.after(random.between(5, 90), () =>
          pay(run, { from: to, to: from, amountInCents, purpose: 'invoice', invoice }),
        );
      }
    });
  }
}
