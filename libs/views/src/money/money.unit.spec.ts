import fc from 'fast-check';
import { ALL_TIME, endOfDutchDay, type TimeWindow } from '../core/time-window';
import { replay } from '../ledger-views';
import { noon, samenStory } from '../commitments/samen-story.testing';
import { interleave } from '../testing/interleave';
import { attendanceFees } from './attendance-fees.query';
import { invoiceWaits } from './invoices.query';
import type { MoneyFilter } from './money-sites';
import { moneyReport } from './money.query';

const facts = samenStory().facts;
const views = replay(facts);
/** "Today" for the questions without asOf or knownAt. */
const newYear2024 = noon('2024-01-01');
const asOf = (date: string): TimeWindow => ({ ...ALL_TIME, asOf: endOfDutchDay(date) });
/** Before the fee payment of 1 Aug 2023 was recorded (on 1 Mar 2026). */
const beforeLatePayment: TimeWindow = { ...ALL_TIME, knownAt: Date.parse('2026-02-01T00:00:00Z') };

const money = (window: TimeWindow = ALL_TIME, filter: MoneyFilter = {}) =>
  moneyReport(views, filter, window, newYear2024);
const line = (payer: string, window: TimeWindow = ALL_TIME) =>
  money(window).lines.find((l) => l.payerPartyId === payer);
const fees = (window: TimeWindow = ALL_TIME, filter: MoneyFilter = {}) =>
  attendanceFees(views, filter, window, newYear2024);
const invoice = (window: TimeWindow = ALL_TIME) => invoiceWaits(views, {}, window, newYear2024).invoices[0];

describe('money per payer and site', () => {
  it('counts a payment made again after a reversal once, and the amount as amended', () => {
    // Oranje Fonds: 10,000 amended to 15,000; 6,000 paid, reversed, paid again → 6,000 paid, 9,000 outstanding.
    expect(line('oranje-fonds')).toMatchObject({
      siteId: 'kampen',
      payerKind: 'fund',
      committedInCents: 1_500_000,
      paidInCents: 600_000,
      outstandingInCents: 900_000,
    });
  });

  it('counts a payment until its reversal', () => {
    // 15 Feb: pay-o1 (6,000) made, not reversed yet. 22 Feb: reversed, pay-o2 not yet made;
    // the amendment to 15,000 came on 1 Mar.
    expect(line('oranje-fonds', asOf('2023-02-15'))).toMatchObject({ paidInCents: 600_000 });
    expect(line('oranje-fonds', asOf('2023-02-22'))).toMatchObject({
      committedInCents: 1_000_000,
      paidInCents: 0,
      outstandingInCents: 1_000_000,
    });
  });

  it('counts a withdrawn commitment no more, and of a broken one only what was paid', () => {
    // Stichting DOEN withdrew its 3,000 on 1 Jun without paying: nothing committed after.
    expect(line('stichting-doen', asOf('2023-05-01'))).toMatchObject({ committedInCents: 300_000 });
    expect(line('stichting-doen')).toMatchObject({ committedInCents: 0, paidInCents: 0, outstandingInCents: 0 });
    // VSBfonds promised 5,000, paid 2,000, broke it on 1 Sep: 2,000 committed and paid, nothing outstanding.
    expect(line('vsbfonds', asOf('2023-08-01'))).toMatchObject({
      committedInCents: 500_000,
      outstandingInCents: 300_000,
    });
    expect(line('vsbfonds')).toMatchObject({ committedInCents: 200_000, paidInCents: 200_000, outstandingInCents: 0 });
  });

  it('shows the joint funding of a site as one pot with each funder’s share', () => {
    // On 1 Aug: Oranje 15,000 (paid 6,000) and VSB 5,000 (paid 2,000); DOEN had withdrawn.
    // Pot 20,000, paid 8,000, outstanding 12,000; shares 15/20 and 5/20.
    const [kampen] = money(asOf('2023-08-01')).pots;
    expect(kampen).toMatchObject({
      siteId: 'kampen',
      committedInCents: 2_000_000,
      paidInCents: 800_000,
      outstandingInCents: 1_200_000,
      joint: true,
    });
    expect(kampen.funders.map((f) => [f.partyId, f.committedInCents, f.paidInCents, f.share])).toEqual([
      ['oranje-fonds', 1_500_000, 600_000, 0.75],
      ['vsbfonds', 500_000, 200_000, 0.25],
    ]);
    // After VSB broke its promise: 15,000 + 2,000 = 17,000; shares 15/17 = 0.8824, 2/17 = 0.1176.
    const later = money().pots;
    expect(later.map((p) => p.siteId)).toEqual(['kampen']);
    expect(later[0].funders.map((f) => f.share)).toEqual([0.8824, 0.1176]);
  });

  it('counts attendance fees as earned, and invoices apart from what was promised', () => {
    // Groningen: fees earned at m2 25,00, m3 25,00, m6 30,00 = 80,00; fees paid 2 × 25,00;
    // the invoice of 480,00 was paid twice, once reversed: 480,00, shown apart.
    expect(line('gemeente-groningen')).toMatchObject({
      siteId: 'groningen',
      committedInCents: 8_000,
      feesEntitledInCents: 8_000,
      paidInCents: 5_000,
      outstandingInCents: 3_000,
      invoicesPaidInCents: 48_000,
    });
  });

  it('answers as the ledger knew it: before the late fee payment was recorded, 25,00 paid', () => {
    expect(line('gemeente-groningen', beforeLatePayment)).toMatchObject({
      paidInCents: 2_500,
      outstandingInCents: 5_500,
    });
  });

  it('narrows to a payer, a payee or a site, and totals per payer', () => {
    expect(money(ALL_TIME, { partyId: 'vsbfonds' }).lines.map((l) => l.payerPartyId)).toEqual(['vsbfonds']);
    expect(money(ALL_TIME, { siteId: 'groningen' }).lines.map((l) => l.payerPartyId)).toEqual(['gemeente-groningen']);
    expect(money(ALL_TIME, { partyId: 'init-a' }).lines.map((l) => l.payerPartyId)).toEqual([
      'oranje-fonds',
      'stichting-doen',
      'vsbfonds',
    ]);
    expect(money().payers.find((p) => p.partyId === 'oranje-fonds')).toMatchObject({
      committedInCents: 1_500_000,
      paidInCents: 600_000,
      outstandingInCents: 900_000,
    });
  });
});

describe('attendance fees', () => {
  it('entitles the initiative for each meeting attended after the promise, and settles the oldest first', () => {
    // m1 (9 Feb) came before the promise of 15 Feb; m4 was cancelled; at m5 nobody came.
    // fee-1 (20 Apr) settles m2 (9 Mar): 9 Mar → 9 Apr 31 days, → 20 Apr 42.
    // fee-2 (1 Aug) settles m3 (13 Apr): → 13 Jul 91 days, → 1 Aug 110.
    // m6 (6 Jul) at the amended 30,00 still waits on 1 Jan 2024: → 6 Dec 153 days, → 1 Jan 179.
    expect(
      fees().entitlements.map((e) => [e.meetingId, e.amountInCents, e.paymentId, e.paidOn, e.daysWaited, e.waiting]),
    ).toEqual([
      ['m2', 2_500, 'fee-1', '2023-04-20', 42, false],
      ['m3', 2_500, 'fee-2', '2023-08-01', 110, false],
      ['m6', 3_000, null, null, 179, true],
    ]);
    expect(fees().accounts).toEqual([
      {
        payerPartyId: 'gemeente-groningen',
        payerName: 'Gemeente Groningen',
        initiativePartyId: 'init-g',
        initiativeName: 'Initiatief G',
        entitlements: 3,
        entitledInCents: 8_000,
        paidInCents: 5_000,
        openInCents: 3_000,
        creditInCents: 0,
      },
    ]);
  });

  it('as of 1 May: m2 paid after 42 days, m3 waiting for 18', () => {
    expect(fees(asOf('2023-05-01')).entitlements.map((e) => [e.meetingId, e.waiting, e.daysWaited])).toEqual([
      ['m2', false, 42],
      ['m3', true, 18],
    ]);
  });

  it('as the ledger knew it before the late payment: m3 still waiting, judged on that date', () => {
    // 13 Apr 2023 → 13 Apr 2025 is 731 days (with 29 Feb 2024), → 1 Feb 2026 another 294: 1025.
    const m3 = fees(beforeLatePayment).entitlements.find((e) => e.meetingId === 'm3');
    expect(m3).toMatchObject({ waiting: true, paidInCents: 0, daysWaited: 1025 });
  });

  it('counts a meeting whose absence was corrected to presence, once the correction is known', () => {
    // Initiative G's absence at m5 (8 Jun) turns out to be a mistake, corrected on 1 Apr 2026.
    // m5 came before the fee rose on 15 Jun: 25,00. It is the oldest open one after m3, so
    // nothing paid reaches it: fee-1 and fee-2 still settle m2 and m3.
    const corrected = replay(
      samenStory().add(
        'AttendanceCorrected',
        {
          meetingId: 'm5',
          personId: 'p-g',
          partyId: 'init-g',
          status: 'present',
          previousStatus: 'absent',
          reason: 'Presentielijst nagekeken',
        },
        '2023-06-10',
        { recordedAt: '2026-04-01T00:00:00Z' },
      ).facts,
    );
    const entitled = (window: TimeWindow) =>
      attendanceFees(corrected, {}, window, newYear2024).entitlements.map((e) => [
        e.meetingId,
        e.amountInCents,
        e.paymentId,
      ]);
    expect(entitled(ALL_TIME)).toEqual([
      ['m2', 2_500, 'fee-1'],
      ['m3', 2_500, 'fee-2'],
      ['m5', 2_500, null],
      ['m6', 3_000, null],
    ]);
    expect(entitled({ ...ALL_TIME, knownAt: Date.parse('2026-03-31T00:00:00Z') })).toEqual([
      ['m2', 2_500, 'fee-1'],
      ['m3', 2_500, 'fee-2'],
      ['m6', 3_000, null],
    ]);
  });

  it('narrows to a site or a party, and to the meetings in a period', () => {
    expect(fees(ALL_TIME, { siteId: 'kampen' }).entitlements).toEqual([]);
    expect(fees(ALL_TIME, { partyId: 'init-g' }).entitlements).toHaveLength(3);
    const june = { from: Date.parse('2023-06-01T00:00:00+02:00'), to: Date.parse('2023-07-31T23:59:59+02:00') };
    expect(fees(ALL_TIME, june).entitlements.map((e) => e.meetingId)).toEqual(['m6']);
  });
});

describe('invoices', () => {
  it('shows how long an invoice waited for the payment that stood', () => {
    // Submitted 31 Jul, paid 10 Aug, that payment reversed 15 Aug, paid again 24 Aug: 24 days.
    expect(invoice()).toMatchObject({
      invoiceId: 'inv-1',
      amountInCents: 48_000,
      submittedOn: '2023-07-31',
      paymentId: 'pay-i2',
      paidOn: '2023-08-24',
      daysWaited: 24,
      waiting: false,
      reopened: true,
      siteId: 'groningen',
    });
  });

  it('opens an invoice again when its payment is reversed', () => {
    expect(invoice(asOf('2023-08-12'))).toMatchObject({ paidOn: '2023-08-10', daysWaited: 10, reopened: false });
    expect(invoice(asOf('2023-08-20'))).toMatchObject({ paidOn: null, waiting: true, daysWaited: 20, reopened: true });
  });
});

describe('the money view in time', () => {
  const start = Date.parse('2022-11-15T00:00:00Z');
  const end = Date.parse('2024-02-01T00:00:00Z');
  const answers = (v: typeof views, window: TimeWindow, now: number) => ({
    money: moneyReport(v, {}, window, now),
    fees: attendanceFees(v, {}, window, now),
    invoices: invoiceWaits(v, {}, window, now),
  });

  it('as of any moment equals a replay of only what had happened by then, whatever the order of streams', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }),
        (moment, picks) => {
          const then = replay(
            interleave(
              facts.filter((f) => f.occurredAt <= moment),
              picks,
            ),
          );
          expect(answers(then, ALL_TIME, moment)).toEqual(answers(views, { ...ALL_TIME, asOf: moment }, newYear2024));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order in which independent streams were written', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }), (picks) => {
        const shuffled = replay(interleave(facts, picks));
        for (const window of [ALL_TIME, asOf('2023-08-01'), beforeLatePayment]) {
          expect(answers(shuffled, window, newYear2024)).toEqual(answers(views, window, newYear2024));
        }
      }),
      { numRuns: 60 },
    );
  });
});
