import { FactScript } from '../testing/fact-script';

/**
 * One programme, two sites, for the commitment and money views. Dates are 2023 unless said.
 *
 * Kampen (gemeente-kampen, init-a), through role r-beleid held by p-lotte:
 *   c-budget  change-policy, made 1 Feb, due 30 Jun; amended 1 May to due 30 Sep;
 *             transferred to p-sanne 1 Aug; handed over to p-joost 1 Oct; still open
 *   c-attend  attend, made 1 Feb, fulfilled 30 Nov (recorded late, on 1 Feb 2026)
 *   c-house   house, made 10 Feb, due 1 Apr, broken 15 May
 *   c-support support, made 1 Mar, withdrawn 20 Apr
 * Funding of Kampen (joint: two funds, one pot; and a third that withdrew):
 *   c-oranje  oranje-fonds 10,000.00 made 20 Jan, amended 1 Mar to 15,000.00
 *             pay-o1 6,000.00 on 10 Feb, reversed 20 Feb (wrong account); pay-o2 6,000.00 on 25 Feb
 *   c-vsb     vsbfonds 5,000.00 made 25 Jan; pay-v1 2,000.00 on 1 Apr; broken 1 Sep
 *   c-doen    stichting-doen 3,000.00 made 1 Feb, withdrawn 1 Jun, nothing paid
 * Groningen (gemeente-groningen, init-g):
 *   c-fee     attendance fee 25.00 per meeting to init-g, made 15 Feb; amended 15 Jun to 30.00
 *   meetings  m1 9 Feb (before the fee), m2 9 Mar, m3 13 Apr, m4 11 May (cancelled),
 *             m5 8 Jun (init-g absent), m6 6 Jul: init-g present at m1, m2, m3, m6
 *   fee-1     25.00 on 20 Apr; fee-2 25.00 on 1 Aug (recorded late, on 1 Mar 2026)
 *   inv-1     init-g bills gemeente-groningen 480.00 on 31 Jul; pay-i1 on 10 Aug, reversed
 *             15 Aug; pay-i2 on 24 Aug
 */
export function samenStory(): FactScript {
  const script = new FactScript().add(
    'ProgrammeLaunched',
    { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' },
    '2022-12-01',
  );
  const parties = [
    ['gemeente-kampen', 'municipality', 'Gemeente Kampen'],
    ['init-a', 'initiative', 'Initiatief A'],
    ['gemeente-groningen', 'municipality', 'Gemeente Groningen'],
    ['init-g', 'initiative', 'Initiatief G'],
    ['oranje-fonds', 'fund', 'Oranje Fonds'],
    ['vsbfonds', 'fund', 'VSBfonds'],
    ['stichting-doen', 'fund', 'Stichting DOEN'],
  ] as const;
  script.parties(parties, '2022-12-02').sites(
    'samen',
    [
      ['kampen', 'gemeente-kampen', 'init-a'],
      ['groningen', 'gemeente-groningen', 'init-g'],
    ],
    '2023-01-10',
  );
  script.add(
    'RoleAssigned',
    {
      roleId: 'r-beleid',
      partyId: 'gemeente-kampen',
      programmeId: 'samen',
      siteId: 'kampen',
      title: 'Beleidsadviseur',
      personId: 'p-lotte',
    },
    '2023-01-12',
  );

  const commit = (
    commitmentId: string,
    byPartyId: string,
    toPartyIds: string[],
    kind: 'change-policy' | 'attend' | 'house' | 'support' | 'fund' | 'attendance-fee',
    on: string,
    more: { amountInCents?: number; dueOn?: string; siteId?: string; byRoleId?: string } = {},
  ) =>
    script.add(
      'CommitmentMade',
      {
        commitmentId,
        programmeId: 'samen',
        byPartyId,
        responsiblePersonId: byPartyId === 'gemeente-kampen' ? 'p-lotte' : 'p-fonds',
        toPartyIds,
        kind,
        description: `${kind} ${commitmentId}`,
        ...more,
      },
      on,
      { actor: `actor-${byPartyId}` },
    );

  const kampen = { siteId: 'kampen', byRoleId: 'r-beleid' };
  commit('c-oranje', 'oranje-fonds', ['init-a'], 'fund', '2023-01-20', { amountInCents: 1_000_000, siteId: 'kampen' });
  commit('c-vsb', 'vsbfonds', ['init-a'], 'fund', '2023-01-25', { amountInCents: 500_000, siteId: 'kampen' });
  commit('c-budget', 'gemeente-kampen', ['init-a'], 'change-policy', '2023-02-01', { ...kampen, dueOn: '2023-06-30' });
  commit('c-attend', 'gemeente-kampen', ['init-a'], 'attend', '2023-02-01', kampen);
  commit('c-doen', 'stichting-doen', ['init-a'], 'fund', '2023-02-01', { amountInCents: 300_000, siteId: 'kampen' });
  commit('c-house', 'gemeente-kampen', ['init-a'], 'house', '2023-02-10', { ...kampen, dueOn: '2023-04-01' });
  commit('c-fee', 'gemeente-groningen', ['init-g'], 'attendance-fee', '2023-02-15', {
    amountInCents: 2_500,
    siteId: 'groningen',
  });
  commit('c-support', 'gemeente-kampen', ['init-a'], 'support', '2023-03-01', kampen);

  const pay = (
    paymentId: string,
    fromPartyId: string,
    toPartyId: string,
    amountInCents: number,
    paidOn: string,
    more: {
      purpose?: 'programme-contribution' | 'attendance-fee' | 'invoice';
      settlesCommitmentId?: string;
      settlesInvoiceId?: string;
      recordedAt?: string;
    } = {},
  ) => {
    const { recordedAt, purpose, ...settles } = more;
    return script.add(
      'PaymentMade',
      {
        paymentId,
        fromPartyId,
        toPartyId,
        amountInCents,
        purpose: purpose ?? 'programme-contribution',
        paidOn,
        ...settles,
      },
      paidOn,
      recordedAt ? { recordedAt } : {},
    );
  };

  pay('pay-o1', 'oranje-fonds', 'init-a', 600_000, '2023-02-10', { settlesCommitmentId: 'c-oranje' });
  script.add(
    'PaymentReversed',
    { paymentId: 'pay-o1', reason: 'Verkeerd rekeningnummer', amountInCents: 600_000 },
    '2023-02-20',
  );
  pay('pay-o2', 'oranje-fonds', 'init-a', 600_000, '2023-02-25', { settlesCommitmentId: 'c-oranje' });
  script.add(
    'CommitmentAmended',
    { commitmentId: 'c-oranje', amountInCents: 1_500_000, reason: 'Tweede jaar erbij' },
    '2023-03-01',
  );
  pay('pay-v1', 'vsbfonds', 'init-a', 200_000, '2023-04-01', { settlesCommitmentId: 'c-vsb' });
  script.add('CommitmentWithdrawn', { commitmentId: 'c-support', reason: 'Geen capaciteit' }, '2023-04-20');
  script.add(
    'CommitmentAmended',
    { commitmentId: 'c-budget', dueOn: '2023-09-30', reason: 'Begrotingsronde later' },
    '2023-05-01',
    { actor: 'actor-gemeente-kampen' },
  );
  script.add('CommitmentBroken', { commitmentId: 'c-house', reason: 'Pand verkocht' }, '2023-05-15');
  script.add('CommitmentWithdrawn', { commitmentId: 'c-doen', reason: 'Andere prioriteiten' }, '2023-06-01');
  script.add('CommitmentAmended', { commitmentId: 'c-fee', amountInCents: 3_000, reason: 'Indexatie' }, '2023-06-15');
  script.add(
    'CommitmentOwnershipTransferred',
    { commitmentId: 'c-budget', toPersonId: 'p-sanne', reason: 'Lotte met verlof', fromPersonId: 'p-lotte' },
    '2023-08-01',
    { actor: 'actor-gemeente-kampen' },
  );
  script.add('CommitmentBroken', { commitmentId: 'c-vsb', reason: 'Fonds stopt met de regeling' }, '2023-09-01');
  script.add(
    'HandoverRecorded',
    {
      roleId: 'r-beleid',
      handoverId: 'h-1',
      fromPersonId: 'p-sanne',
      toPersonId: 'p-joost',
      handedOverOn: '2023-10-01',
      transferredCommitmentIds: ['c-budget'],
      introducedToPartners: true,
      note: 'Vertrouwelijk: nooit in een overzicht',
    },
    '2023-10-01',
    { actor: 'actor-gemeente-kampen' },
  );
  script.add('CommitmentFulfilled', { commitmentId: 'c-attend', evidence: 'Bij 5 van 6 bijeenkomsten' }, '2023-11-30', {
    recordedAt: '2026-02-01T00:00:00Z',
  });

  const meeting = (meetingId: string, date: string) =>
    script.add(
      'MeetingScheduled',
      {
        meetingId,
        programmeId: 'samen',
        kind: 'collective',
        title: `Bijeenkomst ${meetingId}`,
        startsAt: `${date}T13:00:00+01:00`,
        place: 'Utrecht',
        expectedPartyIds: ['gemeente-groningen', 'init-g'],
      },
      '2023-01-15',
    );
  const mark = (meetingId: string, status: 'present' | 'absent', date: string) =>
    script.add('AttendanceRecorded', { meetingId, personId: 'p-g', partyId: 'init-g', status }, date);
  meeting('m1', '2023-02-09');
  meeting('m2', '2023-03-09');
  meeting('m3', '2023-04-13');
  meeting('m4', '2023-05-11');
  meeting('m5', '2023-06-08');
  meeting('m6', '2023-07-06');
  mark('m1', 'present', '2023-02-09');
  mark('m2', 'present', '2023-03-09');
  mark('m3', 'present', '2023-04-13');
  script.add('MeetingCancelled', { meetingId: 'm4', reason: 'Zaal niet beschikbaar' }, '2023-05-01');
  mark('m5', 'absent', '2023-06-08');
  mark('m6', 'present', '2023-07-06');

  pay('fee-1', 'gemeente-groningen', 'init-g', 2_500, '2023-04-20', { purpose: 'attendance-fee' });
  pay('fee-2', 'gemeente-groningen', 'init-g', 2_500, '2023-08-01', {
    purpose: 'attendance-fee',
    recordedAt: '2026-03-01T00:00:00Z',
  });

  script.add(
    'InvoiceSubmitted',
    {
      invoiceId: 'inv-1',
      fromPartyId: 'init-g',
      toPartyId: 'gemeente-groningen',
      amountInCents: 48_000,
      description: 'Advieswerk wijkplan, juli',
      submittedOn: '2023-07-31',
    },
    '2023-07-31',
  );
  const invoicePayment = (paymentId: string, paidOn: string) => {
    pay(paymentId, 'gemeente-groningen', 'init-g', 48_000, paidOn, { purpose: 'invoice', settlesInvoiceId: 'inv-1' });
    script.add('InvoicePaid', { invoiceId: 'inv-1', paymentId, paidOn }, paidOn);
  };
  invoicePayment('pay-i1', '2023-08-10');
  script.add('PaymentReversed', { paymentId: 'pay-i1', reason: 'Dubbel geboekt', amountInCents: 48_000 }, '2023-08-15');
  invoicePayment('pay-i2', '2023-08-24');
  return script;
}

/** Noon on a Dutch date (winter time), as the script writes facts: a moment to judge on. */
export const noon = (date: string) => Date.parse(`${date}T12:00:00+01:00`);
