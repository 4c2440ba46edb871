import {
  IllegalStateError,
  isPositiveCents,
  NotFoundError,
  notPositiveCents,
  storedVisibility,
  streamName,
  type Cents,
  type Decider,
  type IsoDate,
  type Visibility,
} from '@samen/ledger-kernel';
import { paymentUpcaster, type PaymentEvent, type PaymentMade } from './payment.events';

/** programmabijdrage, jaarlijkse subsidie, meerjarige begrotingspost, vergoeding, factuur */
export const PAYMENT_PURPOSES = [
  'programme-contribution',
  'annual-subsidy',
  'multi-year-budget',
  'attendance-fee',
  'invoice',
] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export type PaymentTerms = {
  paymentId: string;
  fromPartyId: string;
  toPartyId: string;
  amountInCents: Cents;
  purpose: PaymentPurpose;
  paidOn: IsoDate;
  settlesCommitmentId?: string;
  settlesInvoiceId?: string;
};

/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

/** What the handler found about the commitment or invoice a payment settles. */
export type SettlementContext = {
  commitment?: { status: 'open' | 'fulfilled' | 'broken' | 'withdrawn'; byPartyId: string };
  invoice?: { status: 'submitted' | 'paid'; fromPartyId: string; toPartyId: string; amountInCents: Cents };
};

export type MakePayment = Readonly<{ type: 'MakePayment'; data: PaymentTerms & Visible; context: SettlementContext }>;
export type ReversePayment = Readonly<{
  type: 'ReversePayment';
  data: { paymentId: string; reason: string } & Visible;
}>;
export type PaymentCommand = MakePayment | ReversePayment;

/** The terms paid; who may read each fact is the fact's, not the payment's state. */
export type Payment =
  { status: 'none' } | { status: 'made' | 'reversed'; terms: Omit<PaymentMade['data'], 'visibility'> };

export const paymentStream = (paymentId: string) => streamName('payment', paymentId);

export const paymentDecider: Decider<PaymentCommand, PaymentEvent, Payment> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'MakePayment': {
        if (state.status !== 'none') {
          throw new IllegalStateError(
            'payment-already-made',
            `Betaling "${command.data.paymentId}" bestaat al. / Payment "${command.data.paymentId}" already exists.`,
          );
        }
        assertSettles(command);
        const { paymentId, fromPartyId, toPartyId, amountInCents, purpose, paidOn } = command.data;
        const { settlesCommitmentId, settlesInvoiceId } = command.data;
        return [
          {
            type: 'PaymentMade',
            data: {
              paymentId,
              fromPartyId,
              toPartyId,
              amountInCents,
              purpose,
              paidOn,
              ...(settlesCommitmentId !== undefined && { settlesCommitmentId }),
              ...(settlesInvoiceId !== undefined && { settlesInvoiceId }),
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      case 'ReversePayment': {
        if (state.status === 'none') throw new NotFoundError('payment', command.data.paymentId);
        if (state.status === 'reversed') {
          throw new IllegalStateError(
            'payment-already-reversed',
            'Deze betaling is al teruggedraaid. / This payment was already reversed.',
          );
        }
        const { paymentId, reason } = command.data;
        return [
          {
            type: 'PaymentReversed',
            data: {
              paymentId,
              reason,
              amountInCents: state.terms.amountInCents,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PaymentMade': {
        const { visibility: _ofTheFact, ...terms } = event.data;
        return { status: 'made', terms };
      }
      case 'PaymentReversed':
        return state.status === 'none' ? state : { ...state, status: 'reversed' };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  upcaster: paymentUpcaster,
};

function assertSettles({ data, context }: MakePayment): void {
  if (data.fromPartyId === data.toPartyId) {
    throw new IllegalStateError(
      'payment-to-self',
      'Een partij betaalt niet aan zichzelf. / A party does not pay itself.',
    );
  }
  if (!isPositiveCents(data.amountInCents)) throw notPositiveCents(data.amountInCents);
  const { commitment, invoice } = context;
  // The handler looks these up; a missing one means the id named nothing.
  if (data.settlesCommitmentId !== undefined && !commitment)
    throw new NotFoundError('commitment', data.settlesCommitmentId);
  if (data.settlesInvoiceId !== undefined && !invoice) throw new NotFoundError('invoice', data.settlesInvoiceId);
  if (commitment?.status === 'withdrawn') {
    throw new IllegalStateError(
      'commitment-withdrawn',
      'Deze toezegging is ingetrokken; een betaling kan haar niet voldoen. / This commitment was withdrawn; no payment can settle it.',
    );
  }
  if (commitment && commitment.byPartyId !== data.fromPartyId) {
    throw new IllegalStateError(
      'payer-did-not-commit',
      `De toezegging is gedaan door "${commitment.byPartyId}", niet door de betaler. / The commitment was made by "${commitment.byPartyId}", not by the payer.`,
    );
  }
  if (invoice?.status === 'paid') {
    throw new IllegalStateError('invoice-already-paid', 'Deze factuur is al betaald. / This invoice is already paid.');
  }
  if (
    invoice &&
    (invoice.toPartyId !== data.fromPartyId ||
      invoice.fromPartyId !== data.toPartyId ||
      invoice.amountInCents !== data.amountInCents)
  ) {
    throw new IllegalStateError(
      'payment-does-not-match-invoice',
      'Betaler, ontvanger en bedrag moeten gelijk zijn aan die van de factuur. / Payer, payee and amount must match the invoice.',
    );
  }
}
