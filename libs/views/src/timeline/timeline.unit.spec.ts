import { deserialize, serialize } from 'node:v8';
import { ALL_TIME, endOfDutchDay, type TimeWindow } from '../core/time-window';
import { replay } from '../ledger-views';
import { FactScript } from '../testing/fact-script';
import { timelineProjection, type TimelineState } from './timeline.projection';
import { decodeCursor, timelineChanges, timelinePage, type TimelineFilter, type TimelinePage } from './timeline.query';

/**
 * Two sites (Kampen: gemeente-kampen + init-a; Vaals: gemeente-vaals + init-b) and a fund.
 * Log order (= position), when it happened, and what each fact concerns:
 *   1 ProgrammeLaunched           2022-12-01  samen
 *   2-6 PartyRegistered ×5        2022-12-02  each its own party (gk, ia, gv, ib, oranje-fonds)
 *   7 SiteJoined kampen           2023-01-10  samen/kampen  gk, ia
 *   8 SiteJoined vaals            2023-01-10  samen/vaals   gv, ib
 *   9 PersonRegistered p-1        2023-01-10  nothing
 *  10 RoleAssigned (gk, site)     2023-01-15  samen (from the site)/kampen  gk
 *  11 MeetingScheduled m1         2023-02-01  samen/vaals (host)  gk, ia, gv, ib (expected)
 *  12 CommitmentMade c-fund       2023-02-15  samen/kampen  oranje-fonds → ia
 *  13 AttendanceRecorded p-1 gk   2023-03-09  samen/vaals (the meeting's)  gk
 *  14 AttendanceRecorded p-2 ib   2023-03-09  samen/vaals  ib
 *  15 PaymentMade pay-1 (c-fund)  2023-04-03  samen/kampen (the commitment's)  oranje-fonds, ia
 *  16 CommitmentFulfilled c-fund  2023-04-03  samen/kampen  oranje-fonds, ia
 *  17 CommitmentMade c-budget     2023-05-01  samen/kampen  gk → ia
 *  18 RoleVacated                 2023-06-30  samen/kampen  gk (the role's)
 *  19 CommitmentMade c-fee        2023-09-01  samen/vaals   gv → ib
 *  20 InvoiceSubmitted inv-1      2023-10-01  samen/vaals (c-fee's)  ib → gv
 *  21 PaymentMade pay-2 (inv-1)   2023-10-20  samen/vaals (the invoice's)  gv → ib
 *  22 InvoicePaid inv-1           2023-10-20  samen/vaals  gv, ib
 *  23 CommitmentBroken c-budget   2023-12-01  samen/kampen  gk, ia
 *  24 AttendanceRecorded p-3 gv   2023-03-09, recorded on 2026-02-01 (typed in late)  samen/vaals  gv
 * Facts 1-23 are recorded on 2026-01-01, one second apart.
 */
function story(): FactScript {
  const script = new FactScript()
    .add('ProgrammeLaunched', { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' }, '2022-12-01')
    .parties(
      [
        ['gemeente-kampen', 'municipality', 'Gemeente Kampen'],
        ['init-a', 'initiative', 'Initiatief A'],
        ['gemeente-vaals', 'municipality', 'Gemeente Vaals'],
        ['init-b', 'initiative', 'Initiatief B'],
        ['oranje-fonds', 'fund', 'Oranje Fonds'],
      ],
      '2022-12-02',
    )
    .sites(
      'samen',
      [
        ['kampen', 'gemeente-kampen', 'init-a'],
        ['vaals', 'gemeente-vaals', 'init-b'],
      ],
      '2023-01-10',
    );
  return script
    .add('PersonRegistered', { personId: 'p-1', name: 'Invented Person' }, '2023-01-10')
    .add(
      'RoleAssigned',
      { roleId: 'kampen-ba', partyId: 'gemeente-kampen', siteId: 'kampen', title: 'Beleidsadviseur', personId: 'p-1' },
      '2023-01-15',
    )
    .add(
      'MeetingScheduled',
      {
        meetingId: 'm1',
        programmeId: 'samen',
        kind: 'collective',
        title: 'Collectieve bijeenkomst',
        startsAt: '2023-03-09T13:00:00+01:00',
        place: 'Utrecht',
        hostSiteId: 'vaals',
        expectedPartyIds: ['gemeente-kampen', 'init-a', 'gemeente-vaals', 'init-b'],
      },
      '2023-02-01',
    )
    .add('CommitmentMade', commitment('c-fund', 'oranje-fonds', 'init-a', 'kampen', 'fund'), '2023-02-15')
    .add(
      'AttendanceRecorded',
      { meetingId: 'm1', personId: 'p-1', partyId: 'gemeente-kampen', status: 'present' },
      '2023-03-09',
    )
    .add('AttendanceRecorded', { meetingId: 'm1', personId: 'p-2', partyId: 'init-b', status: 'present' }, '2023-03-09')
    .add('PaymentMade', payment('pay-1', 'oranje-fonds', 'init-a', { settlesCommitmentId: 'c-fund' }), '2023-04-03')
    .add('CommitmentFulfilled', { commitmentId: 'c-fund', evidence: 'Betaling pay-1' }, '2023-04-03')
    .add(
      'CommitmentMade',
      { ...commitment('c-budget', 'gemeente-kampen', 'init-a', 'kampen', 'change-policy'), byRoleId: 'kampen-ba' },
      '2023-05-01',
    )
    .add('RoleVacated', { roleId: 'kampen-ba', personId: 'p-1', reason: 'Nieuwe baan' }, '2023-06-30')
    .add('CommitmentMade', commitment('c-fee', 'gemeente-vaals', 'init-b', 'vaals', 'attendance-fee'), '2023-09-01')
    .add(
      'InvoiceSubmitted',
      {
        invoiceId: 'inv-1',
        fromPartyId: 'init-b',
        toPartyId: 'gemeente-vaals',
        amountInCents: 25_000,
        description: 'Vergoeding bijeenkomsten',
        submittedOn: '2023-10-01',
        commitmentId: 'c-fee',
      },
      '2023-10-01',
    )
    .add('PaymentMade', payment('pay-2', 'gemeente-vaals', 'init-b', { settlesInvoiceId: 'inv-1' }), '2023-10-20')
    .add('InvoicePaid', { invoiceId: 'inv-1', paymentId: 'pay-2', paidOn: '2023-10-20' }, '2023-10-20')
    .add('CommitmentBroken', { commitmentId: 'c-budget', reason: 'Niet in de begroting gekomen' }, '2023-12-01')
    .add(
      'AttendanceRecorded',
      { meetingId: 'm1', personId: 'p-3', partyId: 'gemeente-vaals', status: 'excused' },
      '2023-03-09',
      { recordedAt: '2026-02-01T00:00:00Z' },
    );
}

function commitment(
  commitmentId: string,
  by: string,
  to: string,
  siteId: string,
  kind: 'fund' | 'change-policy' | 'attendance-fee',
) {
  return {
    commitmentId,
    programmeId: 'samen',
    siteId,
    byPartyId: by,
    responsiblePersonId: 'p-1',
    toPartyIds: [to],
    kind,
    description: commitmentId,
    ...(kind !== 'change-policy' && { amountInCents: 1_000_000 }),
  };
}

function payment(
  paymentId: string,
  from: string,
  to: string,
  settles: { settlesCommitmentId?: string; settlesInvoiceId?: string },
) {
  return {
    paymentId,
    fromPartyId: from,
    toPartyId: to,
    amountInCents: 1_000_000,
    purpose: 'programme-contribution' as const,
    paidOn: '2023-04-03',
    ...settles,
  };
}

const ALL = { limit: 1000 };
const positions = (page: TimelinePage) => page.entries.map((e) => e.position);
const asOf = (date: string): TimeWindow => ({ ...ALL_TIME, asOf: endOfDutchDay(date) });
const knownAt = (moment: string): TimeWindow => ({ ...ALL_TIME, knownAt: Date.parse(moment) });

describe('the timeline', () => {
  const timeline = replay(story().facts).timeline;
  const page = (filter: TimelineFilter, window: TimeWindow = ALL_TIME) => timelinePage(timeline, filter, window, ALL);

  it('lists every fact by when it happened: the late attendance lands on 9 March, not at the end', () => {
    // All 24; on 9 March three attendances at noon, the late one (recorded last) third, before the 3 April payment.
    expect(positions(page({}))).toEqual([
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'],
      ...['24', '15', '16', '17', '18', '19', '20', '21', '22', '23'],
    ]);
    expect(page({}).total).toBe(24);
  });

  it('says what each fact concerns, resolved from earlier facts, and links its stream’s history', () => {
    const byPosition = new Map(page({}).entries.map((e) => [e.position, e]));
    // The payment settles c-fund: programme and site are the commitment's.
    expect(byPosition.get('15')).toEqual({
      position: '15',
      type: 'PaymentMade',
      category: 'money',
      occurredAt: '2023-04-03T11:00:00.000Z',
      recordedAt: '2026-01-01T00:00:15.000Z',
      streamName: 'payment-pay-1',
      actor: null,
      programmeId: 'samen',
      siteId: 'kampen',
      partyIds: ['init-a', 'oranje-fonds'],
      history: '/history/payment/pay-1',
    });
    // The vacated role: its party and site from RoleAssigned, the programme from the site.
    expect(byPosition.get('18')).toMatchObject({
      programmeId: 'samen',
      siteId: 'kampen',
      partyIds: ['gemeente-kampen'],
    });
    // Attendance: the meeting's programme and host site, the party it was recorded for.
    expect(byPosition.get('13')).toMatchObject({ siteId: 'vaals', partyIds: ['gemeente-kampen'] });
    // A SiteJoined lives in its programme's stream.
    expect(byPosition.get('7')).toMatchObject({
      history: '/history/programme/samen',
      partyIds: ['gemeente-kampen', 'init-a'],
    });
    // The person's registration concerns no party, and carries no name.
    expect(byPosition.get('9')).toMatchObject({ programmeId: null, siteId: null, partyIds: [] });
    expect(JSON.stringify(page({}))).not.toContain('Invented Person');
  });

  it('filters by party: attendance and commitment follow-ups count for the party they concern', () => {
    // gemeente-kampen: registered (2), its site (7), its role (10), expected at m1 (11), present (13),
    // c-budget made (17), role vacated (18), c-budget broken (23). Not c-fund, not Vaals' facts.
    expect(positions(page({ partyId: 'gemeente-kampen' }))).toEqual(['2', '7', '10', '11', '13', '17', '18', '23']);
    // gemeente-vaals: 4, 8, 11, its late attendance (24) on 9 March, c-fee (19), the invoice (20),
    // its payment (21) and the invoice paid (22) on 20 October.
    expect(positions(page({ partyId: 'gemeente-vaals' }))).toEqual(['4', '8', '11', '24', '19', '20', '21', '22']);
  });

  it('filters by site: a meeting belongs to its host site, money to the commitment it settles', () => {
    // Kampen: its joining, the role, c-fund, pay-1, fulfilled, c-budget, role vacated, broken = 8.
    // gemeente-kampen's attendance at m1 is at Vaals' meeting, so it is not here.
    expect(positions(page({ siteId: 'kampen' }))).toEqual(['7', '10', '12', '15', '16', '17', '18', '23']);
    // Vaals: 8, the meeting and its three attendances, c-fee, and the invoice chain = 9.
    expect(positions(page({ siteId: 'vaals' }))).toEqual(['8', '11', '13', '14', '24', '19', '20', '21', '22']);
    // Vaals and initiative B: the site, expected at m1, present, and c-fee's chain = 7.
    expect(page({ siteId: 'vaals', partyId: 'init-b' }).total).toBe(7);
  });

  it('filters by programme, fact type and category', () => {
    // Everything but the five party registrations and the person's registration.
    expect(page({ programmeId: 'samen' }).total).toBe(18);
    expect(positions(page({ kind: 'AttendanceRecorded' }))).toEqual(['13', '14', '24']);
    // Commitments: c-fund, fulfilled, c-budget, c-fee, broken.
    expect(positions(page({ category: 'commitments' }))).toEqual(['12', '16', '17', '19', '23']);
    expect(page({ partyId: 'nobody' }).total).toBe(0);
    expect(page({ kind: 'HandoverRecorded' }).total).toBe(0);
  });

  it('filters by the period in which facts occurred', () => {
    // From 1 April to 30 June: pay-1, fulfilled, c-budget, role vacated.
    const from = Date.parse('2023-04-01T00:00:00+02:00');
    expect(positions(page({ from, to: endOfDutchDay('2023-06-30') }))).toEqual(['15', '16', '17', '18']);
  });

  it('answers as the world was: on 31 March 2023, fifteen facts had happened', () => {
    // Facts 1-14 and the late attendance (which happened on 9 March).
    expect(page({}, asOf('2023-03-31')).total).toBe(15);
    expect(positions(page({ partyId: 'gemeente-vaals' }, asOf('2023-03-31')))).toEqual(['4', '8', '11', '24']);
  });

  it('answers as the ledger knew it: before 1 February 2026 the late attendance was not recorded', () => {
    expect(page({}, knownAt('2026-01-31T00:00:00Z')).total).toBe(23);
    expect(positions(page({ partyId: 'gemeente-vaals' }, knownAt('2026-01-31T00:00:00Z')))).toEqual([
      '4',
      '8',
      '11',
      '19',
      '20',
      '21',
      '22',
    ]);
    // Both: happened by 31 March and known before February 2026 = 1-14.
    expect(page({}, { asOf: endOfDutchDay('2023-03-31'), knownAt: Date.parse('2026-01-31T00:00:00Z') }).total).toBe(14);
  });

  it('pages with a cursor: every entry exactly once, in order', () => {
    for (const [filter, limit] of [
      [{}, 5],
      [{ partyId: 'gemeente-vaals' }, 3],
      [{ siteId: 'kampen' }, 1],
    ] as [TimelineFilter, number][]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const next: TimelinePage = timelinePage(timeline, filter, ALL_TIME, {
          limit,
          ...(cursor !== null && { after: decodeCursor(cursor) }),
        });
        expect(next.entries.length).toBeLessThanOrEqual(limit);
        seen.push(...positions(next));
        cursor = next.nextCursor;
        pages++;
      } while (cursor !== null && pages < 100);
      expect(seen).toEqual(positions(page(filter)));
    }
    // 24 entries in pages of 5: 5, 5, 5, 5, 4; the last has no next cursor.
    const first = timelinePage(timeline, {}, ALL_TIME, { limit: 20 });
    const last = timelinePage(timeline, {}, ALL_TIME, { limit: 20, after: decodeCursor(first.nextCursor ?? '') });
    expect([first.entries.length, last.entries.length, last.nextCursor]).toEqual([20, 4, null]);
  });

  it('refuses a cursor it did not hand out', () => {
    expect(decodeCursor('bm9uc2Vuc2U')).toBeUndefined();
    expect(decodeCursor('!!')).toBeUndefined();
    expect(decodeCursor(Buffer.from('[1,2,"01"]').toString('base64url'))).toBeUndefined();
  });

  describe('what changed between two dates', () => {
    const changes = (from: string, until: string, by: 'occurred' | 'recorded', limit = 100) =>
      timelineChanges(timeline, { after: endOfDutchDay(from), until: endOfDutchDay(until), by }, {}, ALL_TIME, {
        limit,
      });

    it('counts the facts that occurred after the first date up to the second, per type and category', () => {
      // After 31 March up to 20 October: 15-22, eight facts.
      const answer = changes('2023-03-31', '2023-10-20', 'occurred');
      expect(answer.total).toBe(8);
      expect(answer.byType).toEqual([
        { type: 'CommitmentFulfilled', category: 'commitments', count: 1 },
        { type: 'CommitmentMade', category: 'commitments', count: 2 },
        { type: 'InvoicePaid', category: 'money', count: 1 },
        { type: 'InvoiceSubmitted', category: 'money', count: 1 },
        { type: 'PaymentMade', category: 'money', count: 2 },
        { type: 'RoleVacated', category: 'roles', count: 1 },
      ]);
      expect(answer.byCategory).toEqual([
        { category: 'structure', count: 0 },
        { category: 'roles', count: 1 },
        { category: 'attendance', count: 0 },
        { category: 'commitments', count: 3 },
        { category: 'money', count: 4 },
      ]);
      expect(positions(answer)).toEqual(['15', '16', '17', '18', '19', '20', '21', '22']);
    });

    it('keeps the answer bounded: all counts, the first entries and a cursor', () => {
      const answer = changes('2023-03-31', '2023-10-20', 'occurred', 3);
      expect([answer.total, positions(answer)]).toEqual([8, ['15', '16', '17']]);
      const rest = timelineChanges(
        timeline,
        { after: endOfDutchDay('2023-03-31'), until: endOfDutchDay('2023-10-20'), by: 'occurred' },
        {},
        ALL_TIME,
        { limit: 10, after: decodeCursor(answer.nextCursor ?? '') },
      );
      expect(positions(rest)).toEqual(['18', '19', '20', '21', '22']);
    });

    it('by recorded: what the ledger learnt in January 2026 is the late attendance only', () => {
      // Facts 1-23 were recorded on 1 January 2026, the late one on 1 February.
      const answer = changes('2026-01-15', '2026-02-28', 'recorded');
      expect([answer.total, positions(answer)]).toEqual([1, ['24']]);
      expect(answer.byCategory.find((c) => c.category === 'attendance')?.count).toBe(1);
    });
  });

  it('never shows a restricted handover note', () => {
    const script = story().add(
      'HandoverRecorded',
      {
        roleId: 'kampen-ba',
        handoverId: 'h-1',
        fromPersonId: 'p-1',
        toPersonId: null,
        handedOverOn: '2023-06-30',
        transferredCommitmentIds: [],
        introducedToPartners: false,
        note: 'Vertrouwelijk: ruzie met de wethouder',
      },
      '2023-06-30',
    );
    const answer = timelinePage(replay(script.facts).timeline, { kind: 'HandoverRecorded' }, ALL_TIME, ALL);
    expect(answer.entries[0]).toMatchObject({ siteId: 'kampen', partyIds: ['gemeente-kampen'] });
    expect(JSON.stringify(answer)).not.toContain('ruzie');
  });

  it('answers the same after a v8 round trip of its state, and keeps growing after it', () => {
    const facts = story().facts;
    const live = replay(facts.slice(0, 20)).timeline;
    timelinePage(live, { partyId: 'gemeente-vaals' }, ALL_TIME, ALL); // remembers an order for `live`
    const loaded = deserialize(serialize(live)) as TimelineState;
    for (const fact of facts.slice(20)) {
      timelineProjection.apply(live, fact);
      timelineProjection.apply(loaded, fact);
    }
    for (const filter of [{}, { partyId: 'gemeente-vaals' }, { siteId: 'kampen' }, { category: 'money' as const }]) {
      expect(timelinePage(loaded, filter, ALL_TIME, ALL)).toEqual(timelinePage(live, filter, ALL_TIME, ALL));
      expect(timelinePage(loaded, filter, ALL_TIME, ALL)).toEqual(page(filter));
    }
  });
});
