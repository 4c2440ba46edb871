import {
  anHourFromNow,
  expectAccepted,
  expectInvalid,
  expectRefused,
  freshId,
  newFacts,
  Story,
  UUID,
} from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

describe('payments and invoices over HTTP', () => {
  let api: LedgerApi;
  let story: Story;
  let programmeId: string;
  let rotterdam: { siteId: string; gemeenteId: string; initiativeId: string };
  let oranjeFonds: string;
  let stichtingDoen: string;
  let fondsenwerver: string;
  /** A payment and an invoice that only refused requests are sent to, so they stay as they were. */
  let unchanged: { paymentId: string; invoiceId: string };

  beforeAll(async () => {
    api = await startLedgerApi();
    story = new Story(api);
    programmeId = await story.programme();
    rotterdam = await story.site(programmeId, 'Rotterdam');
    oranjeFonds = await story.party('fund', 'Oranje Fonds');
    stichtingDoen = await story.party('fund', 'Stichting DOEN');
    fondsenwerver = await story.person('Noor El Amrani');
    unchanged = { paymentId: await payment(), invoiceId: await invoice() };
  });
  afterAll(async () => api.close());

  /** The Oranje Fonds pays the Rotterdam initiative its contribution. */
  const pay = (overrides: object = {}) => ({
    paymentId: freshId('oranje-fonds-rotterdam'),
    fromPartyId: oranjeFonds,
    toPartyId: rotterdam.initiativeId,
    amountInCents: 1_500_000,
    purpose: 'programme-contribution',
    paidOn: '2023-04-03',
    ...overrides,
  });

  /** The Rotterdam initiative bills its gemeente for advisory work. */
  const bill = (overrides: object = {}) => ({
    invoiceId: freshId('factuur-2023'),
    fromPartyId: rotterdam.initiativeId,
    toPartyId: rotterdam.gemeenteId,
    amountInCents: 120_000,
    description: 'Advieswerk bij het wijkplan, 16 uur',
    submittedOn: '2023-06-30',
    ...overrides,
  });

  /** A commitment of the Oranje Fonds to fund the Rotterdam initiative. */
  async function fundingCommitment(): Promise<string> {
    return story.commitment({
      programmeId,
      siteId: rotterdam.siteId,
      byPartyId: oranjeFonds,
      toPartyIds: [rotterdam.initiativeId],
      responsiblePersonId: fondsenwerver,
      kind: 'fund',
      description: 'Bijdrage aan de proeftuin Rotterdam',
      amountInCents: 1_500_000,
    });
  }

  async function payment(overrides: object = {}): Promise<string> {
    const body = pay(overrides);
    await story.record('/payments', body);
    return body.paymentId;
  }

  async function invoice(overrides: object = {}): Promise<string> {
    const body = bill(overrides);
    await story.record('/invoices', body);
    return body.invoiceId;
  }

  /** The gemeente's payment of an invoice (same parties and amount, the other way round). */
  const paymentOf = (invoiceId: string, overrides: object = {}) =>
    pay({
      fromPartyId: rotterdam.gemeenteId,
      toPartyId: rotterdam.initiativeId,
      amountInCents: 120_000,
      purpose: 'invoice',
      paidOn: '2023-07-28',
      settlesInvoiceId: invoiceId,
      ...overrides,
    });

  describe('POST /payments', () => {
    it('records PaymentMade at the moment it happened', async () => {
      const body = pay();
      const before = await api.store.headPosition();

      const answer = await api.post('/payments', { ...body, occurredAt: '2023-04-03T14:00:00+02:00' });

      const accepted = expectAccepted(answer, {
        id: body.paymentId,
        streamName: `payment-${body.paymentId}`,
        revision: 0,
      });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `payment-${body.paymentId}`,
          revision: 0,
          position: accepted.position,
          type: 'PaymentMade',
          data: { ...body, visibility: { kind: 'shared' } },
          occurredAt: '2023-04-03T14:00:00+02:00',
        },
      ]);
    });

    it('records a payment that settles the payer’s commitment', async () => {
      const commitmentId = await fundingCommitment();
      const body = pay({ settlesCommitmentId: commitmentId });
      const before = await api.store.headPosition();

      expectAccepted(await api.post('/payments', body), {
        id: body.paymentId,
        streamName: `payment-${body.paymentId}`,
        revision: 0,
      });

      expect((await newFacts(api, before)).map((fact) => fact.data)).toEqual([
        { ...body, visibility: { kind: 'shared' } },
      ]);
    });

    it('records a payment that settles an invoice with the same parties and amount', async () => {
      const invoiceId = await invoice();
      const body = paymentOf(invoiceId);
      const before = await api.store.headPosition();

      expectAccepted(await api.post('/payments', body), {
        id: body.paymentId,
        streamName: `payment-${body.paymentId}`,
        revision: 0,
      });

      expect(await newFacts(api, before)).toMatchObject([
        { type: 'PaymentMade', data: { settlesInvoiceId: invoiceId, visibility: { kind: 'shared' } } },
      ]);
    });

    it('answers a retried payment without an id with the same payment, replayed, and appends nothing', async () => {
      const { paymentId: _paymentId, ...body } = pay();
      const key = freshId('betaling');
      const first = await api.post('/payments', body, { 'idempotency-key': key });
      const before = await api.store.headPosition();

      const retry = await api.post('/payments', body, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(first.body.id).toMatch(UUID);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        {
          fromPartyId: undefined,
          toPartyId: undefined,
          amountInCents: undefined,
          purpose: undefined,
          paidOn: undefined,
        },
        ['fromPartyId', 'toPartyId', 'amountInCents', 'purpose', 'paidOn'],
      ],
      [
        'fields of the wrong type',
        { fromPartyId: 1, purpose: 2, paidOn: 20230403 },
        ['fromPartyId', 'purpose', 'paidOn'],
      ],
      [
        'malformed ids',
        { paymentId: 'Betaling 1', toPartyId: 'Plaats de Wereld', settlesCommitmentId: 'T1', settlesInvoiceId: 'F 17' },
        ['paymentId', 'toPartyId', 'settlesCommitmentId', 'settlesInvoiceId'],
      ],
      ['a purpose the ledger does not know', { purpose: 'gift' }, ['purpose']],
      ['a payment date that does not exist', { paidOn: '2023-02-29' }, ['paidOn']],
      ['an unknown extra field', { currency: 'EUR' }, ['currency']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['an amount of zero', { amountInCents: 0 }, ['amountInCents']],
      ['a negative amount', { amountInCents: -1 }, ['amountInCents']],
      ['a fractional amount', { amountInCents: 15000.5 }, ['amountInCents']],
      ['an amount in euro with decimals', { amountInCents: 150.25 }, ['amountInCents']],
      ['an amount over ten million euro', { amountInCents: 1_000_000_001 }, ['amountInCents']],
      ['an amount written as a string', { amountInCents: '1500000' }, ['amountInCents']],
      ['an amount written as a boolean', { amountInCents: true }, ['amountInCents']],
      ['an invoice of null', { settlesInvoiceId: null }, ['settlesInvoiceId']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/payments', pay(overrides)), fields);
    });

    it.each<[string, string, object]>([
      ['payer', 'party-not-found', { fromPartyId: 'fonds-nergenshuizen' }],
      ['payee', 'party-not-found', { toPartyId: 'dorpshuis-nergenshuizen' }],
      ['commitment', 'commitment-not-found', { settlesCommitmentId: 'toezegging-nergenshuizen' }],
      ['invoice', 'invoice-not-found', { settlesInvoiceId: 'factuur-nergenshuizen' }],
    ])('refuses a payment naming an unknown %s with a 404', async (_thing, code, overrides) => {
      await expectRefused(api, () => api.post('/payments', pay(overrides)), 404, code);
    });

    it('refuses a payment that was already recorded with payment-already-made', async () => {
      const paymentId = await payment();

      await expectRefused(api, () => api.post('/payments', pay({ paymentId })), 422, 'payment-already-made');
    });

    it('refuses a payment of a party to itself with payment-to-self', async () => {
      await expectRefused(api, () => api.post('/payments', pay({ toPartyId: oranjeFonds })), 422, 'payment-to-self');
    });

    it('refuses a payment settling a withdrawn commitment with commitment-withdrawn', async () => {
      const commitmentId = await fundingCommitment();
      await story.record(`/commitments/${commitmentId}/withdrawal`, { reason: 'Proeftuin gestopt' });

      await expectRefused(
        api,
        () => api.post('/payments', pay({ settlesCommitmentId: commitmentId })),
        422,
        'commitment-withdrawn',
      );
    });

    it('refuses a payment settling another party’s commitment with payer-did-not-commit', async () => {
      const commitmentId = await fundingCommitment();

      await expectRefused(
        api,
        () => api.post('/payments', pay({ fromPartyId: stichtingDoen, settlesCommitmentId: commitmentId })),
        422,
        'payer-did-not-commit',
      );
    });

    it('refuses a payment settling an invoice that is already paid with invoice-already-paid', async () => {
      const invoiceId = await invoice();
      const paymentId = await payment(paymentOf(invoiceId));
      await story.record(`/invoices/${invoiceId}/payment`, { paymentId });

      await expectRefused(api, () => api.post('/payments', paymentOf(invoiceId)), 422, 'invoice-already-paid');
    });

    it.each<[string, () => object]>([
      ['amount', () => ({ amountInCents: 100_000 })],
      ['payer', () => ({ fromPartyId: stichtingDoen })],
      ['payee', () => ({ toPartyId: stichtingDoen })],
    ])(
      'refuses a payment whose %s differs from the invoice with payment-does-not-match-invoice',
      async (_term, terms) => {
        const invoiceId = await invoice();

        await expectRefused(
          api,
          () => api.post('/payments', paymentOf(invoiceId, terms())),
          422,
          'payment-does-not-match-invoice',
        );
      },
    );
  });

  describe('POST /payments/:paymentId/reversal', () => {
    it('records PaymentReversed with the reason and the amount reversed', async () => {
      const paymentId = await payment();
      const before = await api.store.headPosition();

      const answer = await api.post(`/payments/${paymentId}/reversal`, {
        reason: 'Dubbel overgemaakt',
        occurredAt: '2023-04-05T10:00:00+02:00',
      });

      const accepted = expectAccepted(answer, { streamName: `payment-${paymentId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `payment-${paymentId}`,
          revision: 1,
          position: accepted.position,
          type: 'PaymentReversed',
          data: { paymentId, reason: 'Dubbel overgemaakt', amountInCents: 1_500_000, visibility: { kind: 'shared' } },
          occurredAt: '2023-04-05T10:00:00+02:00',
        },
      ]);
    });

    it('answers a retried reversal with the same Idempotency-Key with the first answer, replayed, and appends nothing', async () => {
      const paymentId = await payment();
      const key = freshId('terugboeking');
      const first = await api.post(`/payments/${paymentId}/reversal`, { reason: 'Dubbel' }, { 'idempotency-key': key });
      const before = await api.store.headPosition();

      const retry = await api.post(`/payments/${paymentId}/reversal`, { reason: 'Dubbel' }, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it('refuses a reversal sent with a stale If-Match with a 409 carrying the current revision', async () => {
      const paymentId = await payment();

      const problem = await expectRefused(
        api,
        () => api.post(`/payments/${paymentId}/reversal`, { reason: 'Dubbel' }, { 'if-match': '"4"' }),
        409,
        'concurrent-change',
      );
      expect(problem.currentRevision).toBe(0);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['reason']],
      ['a reason of the wrong type', { reason: 404 }, ['reason']],
      ['an amount, which follows from the payment', { reason: 'Te veel', amountInCents: 500 }, ['amountInCents']],
      ['an occurredAt in the future', { reason: 'Dubbel', occurredAt: anHourFromNow() }, ['occurredAt']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/payments/${unchanged.paymentId}/reversal`, body), fields);
    });

    it('refuses a malformed payment id in the path with a 400 naming paymentId', async () => {
      await expectInvalid(api, () => api.post('/payments/Betaling%201/reversal', { reason: 'Dubbel' }), ['paymentId']);
    });

    it('refuses to reverse a payment that was never made with a 404', async () => {
      await expectRefused(
        api,
        () => api.post(`/payments/${freshId('betaling-onbekend')}/reversal`, { reason: 'Dubbel' }),
        404,
        'payment-not-found',
      );
    });

    it('refuses to reverse a payment twice with payment-already-reversed', async () => {
      const paymentId = await payment();
      await story.record(`/payments/${paymentId}/reversal`, { reason: 'Dubbel overgemaakt' });

      await expectRefused(
        api,
        () => api.post(`/payments/${paymentId}/reversal`, { reason: 'Nogmaals' }),
        422,
        'payment-already-reversed',
      );
    });
  });

  describe('POST /invoices', () => {
    it('records InvoiceSubmitted under a commitment at the moment it happened', async () => {
      const commitmentId = await fundingCommitment();
      const body = bill({ commitmentId });
      const before = await api.store.headPosition();

      const answer = await api.post('/invoices', { ...body, occurredAt: '2023-06-30T16:00:00+02:00' });

      const accepted = expectAccepted(answer, {
        id: body.invoiceId,
        streamName: `invoice-${body.invoiceId}`,
        revision: 0,
      });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `invoice-${body.invoiceId}`,
          revision: 0,
          position: accepted.position,
          type: 'InvoiceSubmitted',
          data: { ...body, visibility: { kind: 'shared' } },
          occurredAt: '2023-06-30T16:00:00+02:00',
        },
      ]);
    });

    it('answers a retried invoice without an id with the same invoice, replayed, and appends nothing', async () => {
      const { invoiceId: _invoiceId, ...body } = bill();
      const key = freshId('factuur');
      const first = await api.post('/invoices', body, { 'idempotency-key': key });
      const before = await api.store.headPosition();

      const retry = await api.post('/invoices', body, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(first.body.id).toMatch(UUID);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        {
          fromPartyId: undefined,
          toPartyId: undefined,
          amountInCents: undefined,
          description: undefined,
          submittedOn: undefined,
        },
        ['fromPartyId', 'toPartyId', 'amountInCents', 'description', 'submittedOn'],
      ],
      [
        'fields of the wrong type',
        { toPartyId: {}, description: 16, submittedOn: true },
        ['toPartyId', 'description', 'submittedOn'],
      ],
      [
        'malformed ids',
        { invoiceId: 'Factuur 2023/017', fromPartyId: 'Plaats_de_Wereld', commitmentId: 'Advies' },
        ['invoiceId', 'fromPartyId', 'commitmentId'],
      ],
      ['a submission date that does not exist', { submittedOn: '2023-06-31' }, ['submittedOn']],
      ['an unknown extra field', { vatInCents: 25_200 }, ['vatInCents']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['an amount of zero', { amountInCents: 0 }, ['amountInCents']],
      ['a negative amount', { amountInCents: -120_000 }, ['amountInCents']],
      ['a fractional amount', { amountInCents: 1200.75 }, ['amountInCents']],
      ['an amount written as a string', { amountInCents: '120000' }, ['amountInCents']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/invoices', bill(overrides)), fields);
    });

    it.each<[string, string, object]>([
      ['party billing', 'party-not-found', { fromPartyId: 'initiatief-nergenshuizen' }],
      ['party billed', 'party-not-found', { toPartyId: 'gemeente-nergenshuizen' }],
      ['commitment', 'commitment-not-found', { commitmentId: 'toezegging-nergenshuizen' }],
    ])('refuses an invoice naming an unknown %s with a 404', async (_thing, code, overrides) => {
      await expectRefused(api, () => api.post('/invoices', bill(overrides)), 404, code);
    });

    it('refuses an invoice that was already submitted with invoice-already-submitted', async () => {
      const invoiceId = await invoice();

      await expectRefused(api, () => api.post('/invoices', bill({ invoiceId })), 422, 'invoice-already-submitted');
    });

    it('refuses an invoice of a party to itself with invoice-to-self', async () => {
      await expectRefused(
        api,
        () => api.post('/invoices', bill({ toPartyId: rotterdam.initiativeId })),
        422,
        'invoice-to-self',
      );
    });
  });

  describe('POST /invoices/:invoiceId/payment', () => {
    it('lets an invoice be paid again once the payment that paid it was reversed', async () => {
      const invoiceId = await invoice();
      const wrongPayment = await payment(paymentOf(invoiceId));
      await story.record(`/invoices/${invoiceId}/payment`, { paymentId: wrongPayment });
      await story.record(`/payments/${wrongPayment}/reversal`, { reason: 'Naar het verkeerde rekeningnummer' });

      const rightPayment = await payment(paymentOf(invoiceId, { paidOn: '2023-08-11' }));
      const answer = await api.post(`/invoices/${invoiceId}/payment`, { paymentId: rightPayment });

      expectAccepted(answer, { streamName: `invoice-${invoiceId}`, revision: 2 });
      const [, firstPaid, secondPaid] = await api.store.readStream(`invoice-${invoiceId}`);
      expect([firstPaid.data, secondPaid.data]).toEqual([
        { invoiceId, paymentId: wrongPayment, paidOn: '2023-07-28', visibility: { kind: 'shared' } },
        { invoiceId, paymentId: rightPayment, paidOn: '2023-08-11', visibility: { kind: 'shared' } },
      ]);
    });

    it('records InvoicePaid with the payment and the date it was paid', async () => {
      const invoiceId = await invoice();
      const paymentId = await payment(paymentOf(invoiceId));
      const before = await api.store.headPosition();

      const answer = await api.post(`/invoices/${invoiceId}/payment`, {
        paymentId,
        occurredAt: '2023-07-28T12:00:00+02:00',
      });

      const accepted = expectAccepted(answer, { streamName: `invoice-${invoiceId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `invoice-${invoiceId}`,
          revision: 1,
          position: accepted.position,
          type: 'InvoicePaid',
          data: { invoiceId, paymentId, paidOn: '2023-07-28', visibility: { kind: 'shared' } },
          occurredAt: '2023-07-28T12:00:00+02:00',
        },
      ]);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['paymentId']],
      ['a payment id of the wrong type', { paymentId: 17 }, ['paymentId']],
      ['a malformed payment id', { paymentId: 'Betaling 17' }, ['paymentId']],
      ['a payment date, which follows from the payment', { paymentId: 'betaling-1', paidOn: '2023-07-28' }, ['paidOn']],
      ['an occurredAt in the future', { paymentId: 'betaling-1', occurredAt: anHourFromNow() }, ['occurredAt']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/invoices/${unchanged.invoiceId}/payment`, body), fields);
    });

    it('refuses a malformed invoice id in the path with a 400 naming invoiceId', async () => {
      await expectInvalid(api, () => api.post('/invoices/F2023.017/payment', { paymentId: 'betaling-1' }), [
        'invoiceId',
      ]);
    });

    it('refuses a payment that was never made with a 404', async () => {
      const invoiceId = await invoice();

      await expectRefused(
        api,
        () => api.post(`/invoices/${invoiceId}/payment`, { paymentId: freshId('betaling-onbekend') }),
        404,
        'payment-not-found',
      );
    });

    it('refuses an invoice that was never submitted with a 404', async () => {
      const paymentId = await payment();

      await expectRefused(
        api,
        () => api.post(`/invoices/${freshId('factuur-onbekend')}/payment`, { paymentId }),
        404,
        'invoice-not-found',
      );
    });

    it('refuses to record an invoice paid twice with invoice-already-paid', async () => {
      const invoiceId = await invoice();
      const paymentId = await payment(paymentOf(invoiceId));
      await story.record(`/invoices/${invoiceId}/payment`, { paymentId });

      await expectRefused(
        api,
        () => api.post(`/invoices/${invoiceId}/payment`, { paymentId }),
        422,
        'invoice-already-paid',
      );
    });

    it('refuses a payment that settles something else with payment-does-not-settle-invoice', async () => {
      const invoiceId = await invoice();
      const paymentId = await payment();

      await expectRefused(
        api,
        () => api.post(`/invoices/${invoiceId}/payment`, { paymentId }),
        422,
        'payment-does-not-settle-invoice',
      );
    });

    it('refuses a reversed payment with payment-does-not-settle-invoice', async () => {
      const invoiceId = await invoice();
      const paymentId = await payment(paymentOf(invoiceId));
      await story.record(`/payments/${paymentId}/reversal`, { reason: 'Verkeerde rekening' });

      await expectRefused(
        api,
        () => api.post(`/invoices/${invoiceId}/payment`, { paymentId }),
        422,
        'payment-does-not-settle-invoice',
      );
    });
  });
});
