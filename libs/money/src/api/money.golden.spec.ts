import { deciderSpec } from '@samen/ledger-kernel/testing';
import {
  invoiceDecider,
  invoiceUpcaster,
  paymentDecider,
  paymentUpcaster,
  type InvoiceSubmitted,
  type PaymentMade,
} from '../domain';
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
    visibility: { kind: 'shared' },
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
    visibility: { kind: 'shared' },
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
      visibility: { kind: 'parties', partyIds: ['gemeente-vaals', 'initiatief-vaals'] },
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
          visibility: { kind: 'parties', partyIds: ['gemeente-vaals', 'initiatief-vaals'] },
        },
      });
  });

  it('PaymentReversed', () => {
    const body: Required<ReversePaymentDto> = {
      reason: 'Dubbel betaald',
      visibility: { kind: 'funders-aggregate' },
      occurredAt,
    };

    deciderSpec(paymentDecider)
      .given(advicePaid)
      .when(toReversePayment(body, 'betaling-advies'))
      .thenStores({
        type: 'PaymentReversed',
        data: {
          paymentId: 'betaling-advies',
          reason: 'Dubbel betaald',
          amountInCents: 120_000,
          visibility: { kind: 'funders-aggregate' },
        },
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
      visibility: { kind: 'initiatives' },
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
          visibility: { kind: 'initiatives' },
        },
      });
  });

  it('InvoicePaid', () => {
    const body: Required<RecordInvoicePaidDto> = {
      paymentId: 'betaling-advies',
      visibility: { kind: 'shared' },
      occurredAt,
    };
    const context = {
      payment: { settlesInvoiceId: 'factuur-advies', reversed: false, paidOn: '2023-07-01' },
      earlierPaymentReversed: false,
    };

    deciderSpec(invoiceDecider)
      .given(adviceInvoiced)
      .when({ ...toRecordInvoicePaid(body, 'factuur-advies'), context })
      .thenStores({
        type: 'InvoicePaid',
        data: {
          invoiceId: 'factuur-advies',
          paymentId: 'betaling-advies',
          paidOn: '2023-07-01',
          visibility: { kind: 'shared' },
        },
      });
  });
});

describe('a money fact stored at schema version 1', () => {
  const { visibility: _none, ...storedThen } = advicePaid.data;

  it.each([
    ...Object.keys(paymentUpcaster.declared).map((type) => [type, paymentUpcaster] as const),
    ...Object.keys(invoiceUpcaster.declared).map((type) => [type, invoiceUpcaster] as const),
  ])('%s is read at version 2, as shared', (type, upcaster) => {
    expect(upcaster.currentVersion(type)).toBe(2);
    expect(upcaster.upcast(type, 1, storedThen)).toEqual({ ...storedThen, visibility: { kind: 'shared' } });
  });
});
