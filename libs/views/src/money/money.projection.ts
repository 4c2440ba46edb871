import type { PaymentPurpose } from '@samen/money/domain';
import type { Stamp } from '../core/ledger-fact';
import { shared } from '../core/shared-text';
import { pushTo, type Projection } from '../core/projection';

/** A payment as the money view needs it. Commitments come from the commitments view. */
export interface PaymentRecord extends Stamp {
  readonly paymentId: string;
  readonly fromPartyId: string;
  readonly toPartyId: string;
  readonly amountInCents: number;
  readonly purpose: PaymentPurpose;
  readonly paidOn: string;
  readonly settlesCommitmentId: string | undefined;
  readonly settlesInvoiceId: string | undefined;
}

export interface Reversal extends Stamp {
  readonly amountInCents: number;
}

export interface InvoiceRecord extends Stamp {
  readonly invoiceId: string;
  readonly fromPartyId: string;
  readonly toPartyId: string;
  readonly amountInCents: number;
  readonly submittedOn: string;
  readonly commitmentId: string | undefined;
}

/** An InvoicePaid fact: which payment paid it and on which date. */
export interface InvoicePayment extends Stamp {
  readonly paymentId: string;
  readonly paidOn: string;
}

export interface MoneyState {
  readonly payments: Map<string, PaymentRecord>;
  /** Payments per party that paid or received them. */
  readonly paymentsByParty: Map<string, PaymentRecord[]>;
  /** Per payment, its reversal: a reversal subtracts, it never edits the payment. */
  readonly reversals: Map<string, Reversal>;
  readonly invoices: Map<string, InvoiceRecord>;
  /** Invoices per party that sent or received them. */
  readonly invoicesByParty: Map<string, InvoiceRecord[]>;
  /** Per invoice, each time it was recorded as paid (again after a reversal). */
  readonly invoicePayments: Map<string, InvoicePayment[]>;
  /**
   * Meetings with a corrected attendance. Elsewhere each person has exactly one mark (the
   * meeting refuses a second), which lets the fee query read those meetings' marks directly.
   */
  readonly correctedMeetings: Set<string>;
}

export const moneyProjection: Projection<MoneyState> = {
  name: 'money',
  types: ['PaymentMade', 'PaymentReversed', 'InvoiceSubmitted', 'InvoicePaid', 'AttendanceCorrected'],
  initialState: () => ({
    payments: new Map(),
    paymentsByParty: new Map(),
    reversals: new Map(),
    invoices: new Map(),
    invoicesByParty: new Map(),
    invoicePayments: new Map(),
    correctedMeetings: new Set(),
  }),
  apply(state, fact) {
    switch (fact.type) {
      case 'PaymentMade': {
        const { paymentId, fromPartyId, toPartyId, amountInCents, purpose, paidOn } = fact.data;
        const { settlesCommitmentId, settlesInvoiceId } = fact.data;
        // One fixed shape, written out: spreads would give each record a separate property store.
        const payment: PaymentRecord = {
          paymentId,
          fromPartyId: shared(fromPartyId),
          toPartyId: shared(toPartyId),
          amountInCents,
          purpose: shared(purpose),
          paidOn: shared(paidOn),
          settlesCommitmentId,
          settlesInvoiceId,
          occurredAt: fact.occurredAt,
          recordedAt: fact.recordedAt,
        };
        state.payments.set(paymentId, payment);
        pushTo(state.paymentsByParty, fromPartyId, payment);
        pushTo(state.paymentsByParty, toPartyId, payment);
        return;
      }
      case 'PaymentReversed':
        state.reversals.set(fact.data.paymentId, {
          amountInCents: fact.data.amountInCents,
          occurredAt: fact.occurredAt,
          recordedAt: fact.recordedAt,
        });
        return;
      case 'InvoiceSubmitted': {
        const { invoiceId, fromPartyId, toPartyId, amountInCents, submittedOn, commitmentId } = fact.data;
        const invoice: InvoiceRecord = {
          invoiceId,
          fromPartyId: shared(fromPartyId),
          toPartyId: shared(toPartyId),
          amountInCents,
          submittedOn: shared(submittedOn),
          commitmentId,
          occurredAt: fact.occurredAt,
          recordedAt: fact.recordedAt,
        };
        state.invoices.set(invoiceId, invoice);
        pushTo(state.invoicesByParty, invoice.fromPartyId, invoice);
        pushTo(state.invoicesByParty, invoice.toPartyId, invoice);
        return;
      }
      case 'InvoicePaid': {
        const { invoiceId, paymentId, paidOn } = fact.data;
        pushTo(state.invoicePayments, invoiceId, {
          paymentId,
          paidOn: shared(paidOn),
          occurredAt: fact.occurredAt,
          recordedAt: fact.recordedAt,
        });
        return;
      }
      case 'AttendanceCorrected':
        state.correctedMeetings.add(fact.data.meetingId);
        return;
      default:
        return;
    }
  },
};
