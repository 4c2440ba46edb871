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
import { invoiceUpcaster, type InvoiceEvent, type InvoiceSubmitted } from './invoice.events';

export type InvoiceTerms = {
  invoiceId: string;
  /** Who bills, e.g. an initiative for its advisory time. */
  fromPartyId: string;
  toPartyId: string;
  amountInCents: Cents;
  description: string;
  submittedOn: IsoDate;
  commitmentId?: string;
};

/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

export type SubmitInvoice = Readonly<{ type: 'SubmitInvoice'; data: InvoiceTerms & Visible }>;
export type RecordInvoicePaid = Readonly<{
  type: 'RecordInvoicePaid';
  data: { invoiceId: string; paymentId: string } & Visible;
  /**
   * The payment as the handler found it, and whether the payment that paid this invoice
   * before was reversed since (which opens the invoice again).
   */
  context: {
    payment: { settlesInvoiceId?: string; reversed: boolean; paidOn: IsoDate };
    earlierPaymentReversed: boolean;
  };
}>;
export type InvoiceCommand = SubmitInvoice | RecordInvoicePaid;

export type Invoice =
  | { status: 'none' }
  | { status: 'submitted'; terms: Omit<InvoiceSubmitted['data'], 'visibility'> }
  | { status: 'paid'; terms: Omit<InvoiceSubmitted['data'], 'visibility'>; paidBy: string };

export const invoiceStream = (invoiceId: string) => streamName('invoice', invoiceId);

export const invoiceDecider: Decider<InvoiceCommand, InvoiceEvent, Invoice> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'SubmitInvoice': {
        if (state.status !== 'none') {
          throw new IllegalStateError(
            'invoice-already-submitted',
            `Factuur "${command.data.invoiceId}" is al ingediend. / Invoice "${command.data.invoiceId}" was already submitted.`,
          );
        }
        if (!isPositiveCents(command.data.amountInCents)) throw notPositiveCents(command.data.amountInCents);
        if (command.data.fromPartyId === command.data.toPartyId) {
          throw new IllegalStateError(
            'invoice-to-self',
            'Een partij factureert niet aan zichzelf. / A party does not invoice itself.',
          );
        }
        const { invoiceId, fromPartyId, toPartyId, amountInCents, description, submittedOn, commitmentId } =
          command.data;
        return [
          {
            type: 'InvoiceSubmitted',
            data: {
              invoiceId,
              fromPartyId,
              toPartyId,
              amountInCents,
              description,
              submittedOn,
              ...(commitmentId !== undefined && { commitmentId }),
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      case 'RecordInvoicePaid': {
        if (state.status === 'none') throw new NotFoundError('invoice', command.data.invoiceId);
        if (state.status === 'paid' && !command.context.earlierPaymentReversed) {
          throw new IllegalStateError(
            'invoice-already-paid',
            'Deze factuur is al betaald. / This invoice is already paid.',
          );
        }
        const { payment } = command.context;
        if (payment.settlesInvoiceId !== command.data.invoiceId || payment.reversed) {
          throw new IllegalStateError(
            'payment-does-not-settle-invoice',
            'Die betaling voldoet deze factuur niet (of is teruggedraaid). / That payment does not settle this invoice (or was reversed).',
          );
        }
        const { invoiceId, paymentId } = command.data;
        return [
          {
            type: 'InvoicePaid',
            data: {
              invoiceId,
              paymentId,
              paidOn: payment.paidOn,
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
      case 'InvoiceSubmitted': {
        const { visibility: _ofTheFact, ...terms } = event.data;
        return { status: 'submitted', terms };
      }
      case 'InvoicePaid':
        return state.status === 'none' ? state : { status: 'paid', terms: state.terms, paidBy: event.data.paymentId };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  upcaster: invoiceUpcaster,
};
