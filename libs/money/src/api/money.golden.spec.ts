import { deciderSpec } from '@samen/ledger-kernel/testing';
import { invoiceDecider, paymentDecider, type InvoiceSubmitted, type PaymentMade } from '../domain';
import type { MakePaymentDto, RecordInvoicePaidDto, ReversePaymentDto, SubmitInvoiceDto } from './money.dto';
import { toMakePayment, toRecordInvoicePaid, toReversePayment, toSubmitInvoice } from './money.to-command';

/**
 * The stored shape of every money fact, from a body with every field filled in, through
 * toCommand() and the decider, to the JSON the store keeps. A field added to a body fails to
 * compile here (the bodies are `Required`); one that reaches the log changes what is stored.
 */
const occurredAt = '2023-07-01T10:00:00+02:00';

const advicePaid: PaymentMade = {
  type: 'PaymentMade',
  data: {
    paymentId: 'betaling-advies',
    fromPartyId: 'gemeente-vaals',
    toPartyId: 'initiatief-vaals',
    amountInCents: 120_000,
    purpose: 'invoice',
    paidOn: '2023-07-01',
    settlesInvoiceId: 'factuur-advies',
  },
};
const adviceInvoiced: InvoiceSubmitted = {
  type: 'InvoiceSubmitted',
  data: {
    invoiceId: 'factuur-advies',
    fromPartyId: 'initiatief-vaals',
    toPartyId: 'gemeente-vaals',
    amountInCents: 120_000,
    description: 'Advies over de wijkagenda',
    submittedOn: '2023-06-01',
  },
};

describe('the stored shape of', () => {
  it('PaymentMade', () => {
    const body: Required<MakePaymentDto> = {
      paymentId: 'ignored-for-the-given-id',
      fromPartyId: 'gemeente-vaals',
      toPartyId: 'initiatief-vaals',
      amountInCents: 120_000,
      purpose: 'invoice',
      paidOn: '2023-07-01',
      settlesCommitmentId: 'vaals-advies',
      settlesInvoiceId: 'factuur-advies',
      occurredAt,
    };
    const context = {
      commitment: { status: 'open', byPartyId: 'gemeente-vaals' },
      invoice: {
        status: 'submitted',
        fromPartyId: 'initiatief-vaals',
        toPartyId: 'gemeente-vaals',
        amountInCents: 120_000,
      },
    } as const;

    deciderSpec(paymentDecider)
      .given()
      .when({ ...toMakePayment(body, 'betaling-advies'), context })
      .thenStores({
        type: 'PaymentMade',
        data: {
          paymentId: 'betaling-advies',
          fromPartyId: 'gemeente-vaals',
          toPartyId: 'initiatief-vaals',
          amountInCents: 120_000,
          purpose: 'invoice',
          paidOn: '2023-07-01',
          settlesCommitmentId: 'vaals-advies',
          settlesInvoiceId: 'factuur-advies',
        },
      });
  });

  it('PaymentReversed', () => {
    const body: Required<ReversePaymentDto> = { reason: 'Dubbel betaald', occurredAt };

    deciderSpec(paymentDecider)
      .given(advicePaid)
      .when(toReversePayment(body, 'betaling-advies'))
      .thenStores({
        type: 'PaymentReversed',
        data: { paymentId: 'betaling-advies', reason: 'Dubbel betaald', amountInCents: 120_000 },
      });
  });

  it('InvoiceSubmitted', () => {
    const body: Required<SubmitInvoiceDto> = {
      invoiceId: 'ignored-for-the-given-id',
      fromPartyId: 'initiatief-vaals',
      toPartyId: 'gemeente-vaals',
      amountInCents: 120_000,
      description: 'Advies over de wijkagenda',
      submittedOn: '2023-06-01',
      commitmentId: 'vaals-advies',
      occurredAt,
    };

    deciderSpec(invoiceDecider)
      .given()
      .when(toSubmitInvoice(body, 'factuur-advies'))
      .thenStores({
        type: 'InvoiceSubmitted',
        data: {
          invoiceId: 'factuur-advies',
          fromPartyId: 'initiatief-vaals',
          toPartyId: 'gemeente-vaals',
          amountInCents: 120_000,
          description: 'Advies over de wijkagenda',
          submittedOn: '2023-06-01',
          commitmentId: 'vaals-advies',
        },
      });
  });

  it('InvoicePaid', () => {
    const body: Required<RecordInvoicePaidDto> = { paymentId: 'betaling-advies', occurredAt };
    const context = {
      payment: { settlesInvoiceId: 'factuur-advies', reversed: false, paidOn: '2023-07-01' },
      earlierPaymentReversed: false,
    };

    deciderSpec(invoiceDecider)
      .given(adviceInvoiced)
      .when({ ...toRecordInvoicePaid(body, 'factuur-advies'), context })
      .thenStores({
        type: 'InvoicePaid',
        data: { invoiceId: 'factuur-advies', paymentId: 'betaling-advies', paidOn: '2023-07-01' },
      });
  });
});
