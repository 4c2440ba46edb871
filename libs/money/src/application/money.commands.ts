import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  deciderHandler,
  handleCommand,
  loadState,
  requireExisting,
  RoutedCommand,
  type CommandResult,
} from '@samen/command-handling';
import { commitmentDecider, commitmentStream } from '@samen/commitments';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
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

export const ReversePaymentHandler = deciderHandler(ReversePaymentCommand, paymentDecider, (c) =>
  paymentStream(c.data.paymentId),
);

/** A payment between parties that exist, settling at most one commitment and one invoice as they stand now. */
@CommandHandler(MakePaymentCommand)
export class MakePaymentHandler implements ICommandHandler<MakePaymentCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: MakePaymentCommand): Promise<CommandResult> {
    const { fromPartyId, toPartyId, settlesCommitmentId, settlesInvoiceId } = command.data;
    await requireExisting(this.store, 'party', fromPartyId);
    await requireExisting(this.store, 'party', toPartyId);
    const context: SettlementContext = {};
    if (settlesCommitmentId !== undefined) {
      const commitment = await loadState(this.store, commitmentStream(settlesCommitmentId), commitmentDecider);
      if (commitment.status !== 'none') {
        context.commitment = { status: commitment.status, byPartyId: commitment.terms.byPartyId };
      }
    }
    if (settlesInvoiceId !== undefined) {
      const { invoice, earlierPaymentReversed } = await invoiceStanding(this.store, settlesInvoiceId);
      if (invoice.status !== 'none') {
        const { fromPartyId: from, toPartyId: to, amountInCents } = invoice.terms;
        const status = invoice.status === 'paid' && !earlierPaymentReversed ? 'paid' : 'submitted';
        context.invoice = { status, fromPartyId: from, toPartyId: to, amountInCents };
      }
    }
    return handleCommand(
      this.store,
      paymentStream(command.data.paymentId),
      paymentDecider,
      (state) => paymentDecider.decide({ ...command, context }, state),
      envelope,
    );
  }
}

@CommandHandler(SubmitInvoiceCommand)
export class SubmitInvoiceHandler implements ICommandHandler<SubmitInvoiceCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: SubmitInvoiceCommand): Promise<CommandResult> {
    await requireExisting(this.store, 'party', command.data.fromPartyId);
    await requireExisting(this.store, 'party', command.data.toPartyId);
    if (command.data.commitmentId !== undefined) {
      await requireExisting(this.store, 'commitment', command.data.commitmentId);
    }
    return handleCommand(
      this.store,
      invoiceStream(command.data.invoiceId),
      invoiceDecider,
      (s) => invoiceDecider.decide(command, s),
      envelope,
    );
  }
}

/** An invoice is paid by a recorded payment that settles it. */
@CommandHandler(RecordInvoicePaidCommand)
export class RecordInvoicePaidHandler implements ICommandHandler<RecordInvoicePaidCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: RecordInvoicePaidCommand): Promise<CommandResult> {
    const payment = await loadState(this.store, paymentStream(command.data.paymentId), paymentDecider);
    if (payment.status === 'none') throw new NotFoundError('payment', command.data.paymentId);
    const { earlierPaymentReversed } = await invoiceStanding(this.store, command.data.invoiceId);
    const context = {
      payment: {
        settlesInvoiceId: payment.terms.settlesInvoiceId,
        reversed: payment.status === 'reversed',
        paidOn: payment.terms.paidOn,
      },
      earlierPaymentReversed,
    };
    return handleCommand(
      this.store,
      invoiceStream(command.data.invoiceId),
      invoiceDecider,
      (state) => invoiceDecider.decide({ ...command, context }, state),
      envelope,
    );
  }
}

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
