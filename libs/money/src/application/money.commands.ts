import { deciderHandler, loadState, requireExisting, RoutedCommand } from '@samen/command-handling';
import { commitmentDecider, commitmentStream } from '@samen/commitments';
import type { EventStore } from '@samen/event-store';
import { NotFoundError } from '@samen/ledger-kernel';
import { invoiceDecider, invoiceStream, type RecordInvoicePaid, type SubmitInvoice } from '../domain/invoice';
import {
  paymentDecider,
  paymentStream,
  type MakePayment,
  type ReversePayment,
  type SettlementContext,
} from '../domain/payment';

export class MakePaymentCommand extends RoutedCommand<Omit<MakePayment, 'context'>> {}
export class ReversePaymentCommand extends RoutedCommand<ReversePayment> {}
export class SubmitInvoiceCommand extends RoutedCommand<SubmitInvoice> {}
export class RecordInvoicePaidCommand extends RoutedCommand<Omit<RecordInvoicePaid, 'context'>> {}

const onPaymentStream = (command: { data: { paymentId: string } }) => paymentStream(command.data.paymentId);
const onInvoiceStream = (command: { data: { invoiceId: string } }) => invoiceStream(command.data.invoiceId);

export const ReversePaymentHandler = deciderHandler(ReversePaymentCommand, paymentDecider, onPaymentStream);

/** A payment between parties that exist, settling at most one commitment and one invoice as they stand now. */
export const MakePaymentHandler = deciderHandler(
  MakePaymentCommand,
  paymentDecider,
  onPaymentStream,
  async (command, store): Promise<MakePayment> => {
    const { fromPartyId, toPartyId, settlesCommitmentId, settlesInvoiceId } = command.data;
    await requireExisting(store, 'party', fromPartyId);
    await requireExisting(store, 'party', toPartyId);
    const context: SettlementContext = {};
    if (settlesCommitmentId !== undefined) {
      const commitment = await loadState(store, commitmentStream(settlesCommitmentId), commitmentDecider);
      if (commitment.status !== 'none') {
        context.commitment = { status: commitment.status, byPartyId: commitment.terms.byPartyId };
      }
    }
    if (settlesInvoiceId !== undefined) {
      const { invoice, earlierPaymentReversed } = await invoiceStanding(store, settlesInvoiceId);
      if (invoice.status !== 'none') {
        const { fromPartyId: from, toPartyId: to, amountInCents } = invoice.terms;
        const status = invoice.status === 'paid' && !earlierPaymentReversed ? 'paid' : 'submitted';
        context.invoice = { status, fromPartyId: from, toPartyId: to, amountInCents };
      }
    }
    return { ...command, context };
  },
);

export const SubmitInvoiceHandler = deciderHandler(
  SubmitInvoiceCommand,
  invoiceDecider,
  onInvoiceStream,
  async (command, store) => {
    await requireExisting(store, 'party', command.data.fromPartyId);
    await requireExisting(store, 'party', command.data.toPartyId);
    if (command.data.commitmentId !== undefined) {
      await requireExisting(store, 'commitment', command.data.commitmentId);
    }
    return command;
  },
);

/** An invoice is paid by a recorded payment that settles it. */
export const RecordInvoicePaidHandler = deciderHandler(
  RecordInvoicePaidCommand,
  invoiceDecider,
  onInvoiceStream,
  async (command, store): Promise<RecordInvoicePaid> => {
    const payment = await loadState(store, paymentStream(command.data.paymentId), paymentDecider);
    if (payment.status === 'none') throw new NotFoundError('payment', command.data.paymentId);
    const { earlierPaymentReversed } = await invoiceStanding(store, command.data.invoiceId);
    const { settlesInvoiceId, paidOn } = payment.terms;
    return {
      ...command,
      context: {
        payment: { settlesInvoiceId, reversed: payment.status === 'reversed', paidOn },
        earlierPaymentReversed,
      },
    };
  },
);

/** An invoice as it stands: paid, unless the payment that paid it was reversed since. */
async function invoiceStanding(store: EventStore, invoiceId: string) {
  const invoice = await loadState(store, invoiceStream(invoiceId), invoiceDecider);
  if (invoice.status !== 'paid') return { invoice, earlierPaymentReversed: false };
  const paidBy = await loadState(store, paymentStream(invoice.paidBy), paymentDecider);
  return { invoice, earlierPaymentReversed: paidBy.status === 'reversed' };
}

export const MONEY_HANDLERS = [
  MakePaymentHandler,
  ReversePaymentHandler,
  SubmitInvoiceHandler,
  RecordInvoicePaidHandler,
];
