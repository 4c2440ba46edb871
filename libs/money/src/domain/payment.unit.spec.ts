import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import { paymentDecider, type MakePayment, type PaymentMade, type PaymentReversed, type SettlementContext } from '.';

const { given } = deciderSpec(paymentDecider);

const oranjeFondsPaysKampen: MakePayment = {
  type: 'MakePayment',
  data: {
    paymentId: 'oranje-fonds-kampen-2023',
    fromPartyId: 'oranje-fonds',
    toPartyId: 'het-8ste-werk',
    amountInCents: 1_250_000,
    purpose: 'programme-contribution',
    paidOn: '2023-03-15',
    settlesCommitmentId: 'oranje-fonds-kampen',
  },
  context: { commitment: { status: 'open', byPartyId: 'oranje-fonds' } },
};
const oranjeFondsPaidKampen: PaymentMade = {
  type: 'PaymentMade',
  data: { ...oranjeFondsPaysKampen.data, visibility: SHARED },
};

const vsbfondsPaysRotterdam: MakePayment = {
  type: 'MakePayment',
  data: {
    paymentId: 'vsbfonds-rotterdam-2023',
    fromPartyId: 'vsbfonds',
    toPartyId: 'bewonersnetwerk-rotterdam',
    amountInCents: 750_000,
    purpose: 'annual-subsidy',
    paidOn: '2023-05-01',
  },
  context: {},
};

const plaatsDeWereldInvoiceAsFound: Required<SettlementContext>['invoice'] = {
  status: 'submitted',
  fromPartyId: 'plaats-de-wereld',
  toPartyId: 'gemeente-tynaarlo',
  amountInCents: 48_000,
};
const tynaarloPaysPlaatsDeWereldInvoice: MakePayment = {
  type: 'MakePayment',
  data: {
    paymentId: 'tynaarlo-factuur-2023-07',
    fromPartyId: 'gemeente-tynaarlo',
    toPartyId: 'plaats-de-wereld',
    amountInCents: 48_000,
    purpose: 'invoice',
    paidOn: '2023-08-10',
    settlesInvoiceId: 'plaats-de-wereld-2023-07',
  },
  context: { invoice: plaatsDeWereldInvoiceAsFound },
};
const tynaarloPaidPlaatsDeWereldInvoice: PaymentMade = {
  type: 'PaymentMade',
  data: { ...tynaarloPaysPlaatsDeWereldInvoice.data, visibility: SHARED },
};

const oranjeFondsPaymentReversed: PaymentReversed = {
  type: 'PaymentReversed',
  data: {
    paymentId: 'oranje-fonds-kampen-2023',
    reason: 'Verkeerd rekeningnummer',
    amountInCents: 1_250_000,
    visibility: SHARED,
  },
};

describe('making a payment', () => {
  it('records a payment that settles nothing', () => {
    given()
      .when(vsbfondsPaysRotterdam)
      .then({ type: 'PaymentMade', data: { ...vsbfondsPaysRotterdam.data, visibility: SHARED } });
  });

  it('records a payment by the party that made the open commitment it settles', () => {
    given().when(oranjeFondsPaysKampen).then(oranjeFondsPaidKampen);
  });

  it('records a payment of a submitted invoice with the same payer, payee and amount', () => {
    given().when(tynaarloPaysPlaatsDeWereldInvoice).then(tynaarloPaidPlaatsDeWereldInvoice);
  });

  it('is refused when a payment with that id was already made', () => {
    given(oranjeFondsPaidKampen).when(oranjeFondsPaysKampen).thenThrows('payment-already-made');
  });

  it('is refused when a party pays itself', () => {
    given()
      .when({ ...vsbfondsPaysRotterdam, data: { ...vsbfondsPaysRotterdam.data, toPartyId: 'vsbfonds' } })
      .thenThrows('payment-to-self');
  });

  it('is refused when the amount is zero', () => {
    given()
      .when({ ...vsbfondsPaysRotterdam, data: { ...vsbfondsPaysRotterdam.data, amountInCents: 0 } })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the amount is negative', () => {
    given()
      .when({ ...vsbfondsPaysRotterdam, data: { ...vsbfondsPaysRotterdam.data, amountInCents: -5 } })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the amount is not a whole number of cents', () => {
    given()
      .when({ ...vsbfondsPaysRotterdam, data: { ...vsbfondsPaysRotterdam.data, amountInCents: 12.5 } })
      .thenThrows('amount-not-positive-cents');
  });
});

describe('a payment settling a commitment', () => {
  it('is refused when the commitment it names was not found', () => {
    given()
      .when({ ...oranjeFondsPaysKampen, context: {} })
      .thenThrows('commitment-not-found');
  });

  it('is refused when the commitment was withdrawn', () => {
    given()
      .when({ ...oranjeFondsPaysKampen, context: { commitment: { status: 'withdrawn', byPartyId: 'oranje-fonds' } } })
      .thenThrows('commitment-withdrawn');
  });

  it('is refused when the payer is not the party that made the commitment', () => {
    given()
      .when({
        ...oranjeFondsPaysKampen,
        data: { ...oranjeFondsPaysKampen.data, fromPartyId: 'stichting-doen' },
      })
      .thenThrows('payer-did-not-commit');
  });
});

describe('a payment settling an invoice', () => {
  it('is refused when the invoice it names was not found', () => {
    given()
      .when({ ...tynaarloPaysPlaatsDeWereldInvoice, context: {} })
      .thenThrows('invoice-not-found');
  });

  it('is refused when the invoice is already paid', () => {
    given()
      .when({
        ...tynaarloPaysPlaatsDeWereldInvoice,
        context: { invoice: { ...plaatsDeWereldInvoiceAsFound, status: 'paid' } },
      })
      .thenThrows('invoice-already-paid');
  });

  it('is refused when the payer is not the party that was invoiced', () => {
    given()
      .when({
        ...tynaarloPaysPlaatsDeWereldInvoice,
        data: { ...tynaarloPaysPlaatsDeWereldInvoice.data, fromPartyId: 'gemeente-kampen' },
      })
      .thenThrows('payment-does-not-match-invoice');
  });

  it('is refused when the payee is not the party that sent the invoice', () => {
    given()
      .when({
        ...tynaarloPaysPlaatsDeWereldInvoice,
        data: { ...tynaarloPaysPlaatsDeWereldInvoice.data, toPartyId: 'vaals-verbindt' },
      })
      .thenThrows('payment-does-not-match-invoice');
  });

  it('is refused when the amount differs from the invoice', () => {
    given()
      .when({
        ...tynaarloPaysPlaatsDeWereldInvoice,
        data: { ...tynaarloPaysPlaatsDeWereldInvoice.data, amountInCents: 47_999 },
      })
      .thenThrows('payment-does-not-match-invoice');
  });
});

describe('reversing a payment', () => {
  it('records the reversal with the amount of the payment', () => {
    given(oranjeFondsPaidKampen)
      .when({
        type: 'ReversePayment',
        data: { paymentId: 'oranje-fonds-kampen-2023', reason: 'Verkeerd rekeningnummer' },
      })
      .then(oranjeFondsPaymentReversed);
  });

  it('is refused for a payment that was never made', () => {
    given()
      .when({ type: 'ReversePayment', data: { paymentId: 'oranje-fonds-kampen-2023', reason: 'x' } })
      .thenThrows('payment-not-found');
  });

  it('is refused when the payment was already reversed', () => {
    given(oranjeFondsPaidKampen, oranjeFondsPaymentReversed)
      .when({ type: 'ReversePayment', data: { paymentId: 'oranje-fonds-kampen-2023', reason: 'Dubbel ingevoerd' } })
      .thenThrows('payment-already-reversed');
  });
});
