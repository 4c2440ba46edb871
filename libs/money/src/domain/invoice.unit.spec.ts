import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import { invoiceDecider, type InvoicePaid, type InvoiceSubmitted, type RecordInvoicePaid, type SubmitInvoice } from '.';

const { given } = deciderSpec(invoiceDecider);

const plaatsDeWereldInvoicesTynaarlo: SubmitInvoice = {
  type: 'SubmitInvoice',
  data: {
    invoiceId: 'plaats-de-wereld-2023-07',
    fromPartyId: 'plaats-de-wereld',
    toPartyId: 'gemeente-tynaarlo',
    amountInCents: 48_000,
    description: 'Advieswerk voor het wijkplan, juli 2023 (12 uur)',
    submittedOn: '2023-07-31',
  },
};
const plaatsDeWereldInvoicedTynaarlo: InvoiceSubmitted = {
  type: 'InvoiceSubmitted',
  data: { ...plaatsDeWereldInvoicesTynaarlo.data, visibility: SHARED },
};

const tynaarloRecordsInvoicePaid: RecordInvoicePaid = {
  type: 'RecordInvoicePaid',
  data: { invoiceId: 'plaats-de-wereld-2023-07', paymentId: 'tynaarlo-factuur-2023-07' },
  context: {
    payment: { settlesInvoiceId: 'plaats-de-wereld-2023-07', reversed: false, paidOn: '2023-08-10' },
    earlierPaymentReversed: false,
  },
};
const tynaarloPaidPlaatsDeWereldInvoice: InvoicePaid = {
  type: 'InvoicePaid',
  data: {
    invoiceId: 'plaats-de-wereld-2023-07',
    paymentId: 'tynaarlo-factuur-2023-07',
    paidOn: '2023-08-10',
    visibility: SHARED,
  },
};

describe('submitting an invoice', () => {
  it('records the invoice as submitted', () => {
    given().when(plaatsDeWereldInvoicesTynaarlo).then(plaatsDeWereldInvoicedTynaarlo);
  });

  it('records the commitment the invoice is for', () => {
    const forTheAdviceCommitment: SubmitInvoice = {
      type: 'SubmitInvoice',
      data: { ...plaatsDeWereldInvoicesTynaarlo.data, commitmentId: 'tynaarlo-advieswerk' },
    };
    given()
      .when(forTheAdviceCommitment)
      .then({ type: 'InvoiceSubmitted', data: { ...forTheAdviceCommitment.data, visibility: SHARED } });
  });

  it('is refused when an invoice with that id was already submitted', () => {
    given(plaatsDeWereldInvoicedTynaarlo).when(plaatsDeWereldInvoicesTynaarlo).thenThrows('invoice-already-submitted');
  });

  it('is refused when a party invoices itself', () => {
    given()
      .when({
        type: 'SubmitInvoice',
        data: { ...plaatsDeWereldInvoicesTynaarlo.data, toPartyId: 'plaats-de-wereld' },
      })
      .thenThrows('invoice-to-self');
  });

  it('is refused when the amount is zero', () => {
    given()
      .when({ type: 'SubmitInvoice', data: { ...plaatsDeWereldInvoicesTynaarlo.data, amountInCents: 0 } })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the amount is negative', () => {
    given()
      .when({ type: 'SubmitInvoice', data: { ...plaatsDeWereldInvoicesTynaarlo.data, amountInCents: -5 } })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the amount is not a whole number of cents', () => {
    given()
      .when({ type: 'SubmitInvoice', data: { ...plaatsDeWereldInvoicesTynaarlo.data, amountInCents: 12.5 } })
      .thenThrows('amount-not-positive-cents');
  });
});

describe('recording an invoice as paid', () => {
  it('records the payment and the date it was paid', () => {
    given(plaatsDeWereldInvoicedTynaarlo).when(tynaarloRecordsInvoicePaid).then(tynaarloPaidPlaatsDeWereldInvoice);
  });

  it('is refused for an invoice that was never submitted', () => {
    given().when(tynaarloRecordsInvoicePaid).thenThrows('invoice-not-found');
  });

  it('is refused when the invoice was already paid', () => {
    given(plaatsDeWereldInvoicedTynaarlo, tynaarloPaidPlaatsDeWereldInvoice)
      .when(tynaarloRecordsInvoicePaid)
      .thenThrows('invoice-already-paid');
  });

  it('records a second payment once the payment that paid it was reversed', () => {
    given(plaatsDeWereldInvoicedTynaarlo, tynaarloPaidPlaatsDeWereldInvoice)
      .when({
        type: 'RecordInvoicePaid',
        data: { invoiceId: 'plaats-de-wereld-2023-07', paymentId: 'tynaarlo-factuur-2023-07-herstel' },
        context: {
          payment: { settlesInvoiceId: 'plaats-de-wereld-2023-07', reversed: false, paidOn: '2023-08-24' },
          earlierPaymentReversed: true,
        },
      })
      .then({
        type: 'InvoicePaid',
        data: {
          invoiceId: 'plaats-de-wereld-2023-07',
          paymentId: 'tynaarlo-factuur-2023-07-herstel',
          paidOn: '2023-08-24',
          visibility: SHARED,
        },
      });
  });

  it('is refused when the payment settles another invoice', () => {
    given(plaatsDeWereldInvoicedTynaarlo)
      .when({
        ...tynaarloRecordsInvoicePaid,
        context: {
          payment: { settlesInvoiceId: 'vaals-verbindt-2023-07', reversed: false, paidOn: '2023-08-10' },
          earlierPaymentReversed: false,
        },
      })
      .thenThrows('payment-does-not-settle-invoice');
  });

  it('is refused when the payment settles no invoice at all', () => {
    given(plaatsDeWereldInvoicedTynaarlo)
      .when({
        ...tynaarloRecordsInvoicePaid,
        context: { payment: { reversed: false, paidOn: '2023-08-10' }, earlierPaymentReversed: false },
      })
      .thenThrows('payment-does-not-settle-invoice');
  });

  it('is refused when the payment that settled it was reversed', () => {
    given(plaatsDeWereldInvoicedTynaarlo)
      .when({
        ...tynaarloRecordsInvoicePaid,
        context: {
          payment: { settlesInvoiceId: 'plaats-de-wereld-2023-07', reversed: true, paidOn: '2023-08-10' },
          earlierPaymentReversed: false,
        },
      })
      .thenThrows('payment-does-not-settle-invoice');
  });
});
