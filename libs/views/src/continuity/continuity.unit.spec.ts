import fc from 'fast-check';
import { ALL_TIME, endOfDutchDay, type TimeWindow } from '../core/time-window';
import { replay, type LedgerViews } from '../ledger-views';
import { handoverHistory } from '../handovers/handovers.query';
import { interleave } from '../testing/interleave';
import { continuityReport, type ContinuityFilter } from './continuity.query';
import { LATE_HANDOVER_RECORDED, SECRET_NOTE, STORY_NOW, turnoverStory } from './turnover-story.testing';

const reportOf = (views: LedgerViews, filter: ContinuityFilter = {}, window: TimeWindow = ALL_TIME) =>
  continuityReport(views, filter, window, STORY_NOW);

describe('continuity after staff turnover', () => {
  const facts = turnoverStory().facts;
  const views = replay(facts);
  const report = reportOf(views);
  const kampen = report.parties.find((p) => p.partyId === 'gemeente-kampen');
  const departureOf = (personId: string, r = report) => r.departures.find((d) => d.personId === personId);

  it('shows gemeenten first, then the other parties with seats', () => {
    // Two gemeenten by name, then the fund; the initiatives hold no seats.
    expect(report.parties.map((p) => p.partyId)).toEqual(['gemeente-kampen', 'gemeente-vaals', 'fonds-oranje']);
  });

  it('flags four departures from Kampen within 90 days as one burst', () => {
    // 1 Mar, 15 Apr, 10 May, 25 May: from the first to the last is 85 days, so all four
    // fall in one 90-day window.
    expect(kampen).toMatchObject({ departures: 4, maxDeparturesIn90Days: 4, threeOrMoreIn90Days: true });
    expect(kampen?.bursts).toEqual([
      {
        from: '2023-03-01',
        to: '2023-05-25',
        departures: 4,
        maxIn90Days: 4,
        personIds: ['p-anna', 'p-bram', 'p-cor', 'p-dirk'],
      },
    ]);
    // The fund's single departure is no burst.
    expect(report.parties.find((p) => p.partyId === 'fonds-oranje')).toMatchObject({
      departures: 1,
      maxDeparturesIn90Days: 1,
      threeOrMoreIn90Days: false,
      bursts: [],
    });
    expect(report.totals.partiesWithThreeOrMoreIn90Days).toBe(1);
  });

  it('counts half of Kampen’s departures as handed over: Anna’s before she left, Cor’s after', () => {
    // Anna handed over on 28 Feb, Cor (late) on 20 May; Bram and Dirk left without one.
    expect(kampen).toMatchObject({ withHandover: 2, handoverShare: 0.5 });
    expect(departureOf('p-anna')?.handover).toEqual({
      handoverId: 'h-anna',
      handedOverOn: '2023-02-28',
      toPersonId: null,
      introducedToPartners: false,
      transferredCommitmentIds: ['c-anna'],
    });
    expect(departureOf('p-bram')?.handover).toBeNull();
    // Over all five departures (the fund's without one): 2 of 5.
    expect(report.totals).toMatchObject({ departures: 5, withHandover: 2, handoverShare: 0.4 });
  });

  it('counts vacancy days to the successor, or to today while still vacant', () => {
    // Anna 1 Mar → Gijs 21 Mar: 20. Bram 15 Apr → Hans 14 Jun: 15 + 31 + 14 = 60.
    // Cor 10 May, no successor, to "now" 1 Jan 2024: 21+30+31+31+30+31+30+31 (to 31 Dec) + 1 = 236.
    // Dirk 25 May → Ilse 3 Jul: 6 + 30 + 3 = 39.
    expect(report.departures.filter((d) => d.partyId === 'gemeente-kampen').map((d) => d.vacancyDays)).toEqual([
      20, 60, 236, 39,
    ]);
    expect(departureOf('p-cor')).toMatchObject({ stillVacant: true, successorPersonId: null });
    expect(departureOf('p-bram')).toMatchObject({ successorPersonId: 'p-hans', successorAppointedOn: '2023-06-14' });
    // 20 + 60 + 236 + 39 = 355, one still open.
    expect(kampen).toMatchObject({ vacancyDays: 355, openVacancies: 1 });
    // Eva left the fund on 1 Aug: 30 + 30 + 31 + 30 + 31 (to 31 Dec) + 1 = 153.
    expect(departureOf('p-eva')).toMatchObject({ vacancyDays: 153, stillVacant: true });
  });

  it('lists the commitments each departure left without an owner, and for how long', () => {
    // c-anna was handed over before Anna left; c-dirk-done was fulfilled before Dirk left;
    // c-loose was made through no seat. Orphaned:
    //   c-bram 15 Apr → transferred to Hans 20 Jun: 15 + 31 + 20 = 66 days
    //   c-cor  10 May → Cor's handover (written down after leaving) 20 May: 10 days
    //   c-dirk 25 May → fulfilled 10 Jul: 6 + 30 + 10 = 46 days
    //   c-eva   1 Aug → still orphaned on "now" 1 Jan 2024: 153 days
    expect(
      report.orphanedCommitments.map((o) => [o.commitmentId, o.orphanedOn, o.orphanedUntil, o.days, o.endedBy]),
    ).toEqual([
      ['c-bram', '2023-04-15', '2023-06-20', 66, 'transferred'],
      ['c-cor', '2023-05-10', '2023-05-20', 10, 'handed-over'],
      ['c-dirk', '2023-05-25', '2023-07-10', 46, 'fulfilled'],
      ['c-eva', '2023-08-01', null, 153, null],
    ]);
    expect(report.orphanedCommitments[3]).toMatchObject({ stillOrphaned: true, departedPersonId: 'p-eva' });
    expect(departureOf('p-anna')?.orphanedCommitmentIds).toEqual([]);
    expect(departureOf('p-bram')?.orphanedCommitmentIds).toEqual(['c-bram']);
    // Kampen: 3 orphaned for 66 + 10 + 46 = 122 days, none still; in all 4, 275 days, 1 still.
    expect(kampen).toMatchObject({ orphanedCommitments: 3, orphanedDays: 122, stillOrphaned: 0 });
    expect(report.totals).toMatchObject({ orphanedCommitments: 4, orphanedDays: 275, stillOrphaned: 1 });
  });

  it('compares the gemeente’s attendance in the 90 days before and after a departure', () => {
    // Bram left 15 Apr. Before (from 15 Jan): m1 present, m2 present → 2 of 2.
    // After (to 14 Jul): m3 absent, m4 nobody from Kampen → 0 of 2.
    expect(departureOf('p-bram')?.attendance).toEqual({
      before: { expected: 2, attended: 2, rate: 1 },
      after: { expected: 2, attended: 0, rate: 0 },
    });
    // Anna left 1 Mar. Before (from 1 Dec): m1 → 1 of 1. After (to 30 May): m2 present, m3 absent → 1 of 2.
    expect(departureOf('p-anna')?.attendance).toEqual({
      before: { expected: 1, attended: 1, rate: 1 },
      after: { expected: 2, attended: 1, rate: 0.5 },
    });
    // The fund is expected at no meeting: no rate either side.
    expect(departureOf('p-eva')?.attendance.after).toEqual({ expected: 0, attended: 0, rate: null });
  });

  it('shows who held each seat over time', () => {
    const wijk = kampen?.seats.find((s) => s.roleId === 'r-wijk');
    expect(wijk).toEqual({
      roleId: 'r-wijk',
      title: 'Wijkmanager',
      siteId: 'kampen',
      programmeId: 'samen',
      currentHolder: 'p-hans',
      holders: [
        { personId: 'p-bram', from: '2023-01-10', to: '2023-04-15' },
        { personId: 'p-hans', from: '2023-06-14', to: null },
      ],
      vacancies: [{ from: '2023-04-15', to: '2023-06-14', days: 60, open: false }],
    });
    expect(kampen?.seats.find((s) => s.roleId === 'r-subsidie')?.currentHolder).toBeNull();
  });

  it('counts a seat without a site for every site its party takes part in', () => {
    // The Gemeentesecretaris names no site; gemeente Kampen takes part in site kampen.
    const site = report.sites.find((s) => s.siteId === 'kampen');
    expect(site?.roleIds).toEqual(['r-beleid', 'r-secretaris', 'r-subsidie', 'r-wijk']);
    expect(site).toMatchObject({ departures: 4, threeOrMoreIn90Days: true, gemeentePartyId: 'gemeente-kampen' });
    // The fund's seat is for the programme, not a site.
    expect(report.sites.map((s) => s.siteId)).toEqual(['kampen', 'vaals']);
  });

  it('narrows to one party, one site, or a period', () => {
    expect(reportOf(views, { partyId: 'fonds-oranje' }).departures.map((d) => d.personId)).toEqual(['p-eva']);
    expect(reportOf(views, { siteId: 'kampen' }).parties.map((p) => p.partyId)).toEqual(['gemeente-kampen']);
    const spring = reportOf(views, {
      from: Date.parse('2023-04-01T00:00:00+02:00'),
      to: endOfDutchDay('2023-05-15'),
    });
    // Only Bram (15 Apr) and Cor (10 May) left between 1 Apr and 15 May.
    expect(spring.departures.map((d) => d.personId)).toEqual(['p-bram', 'p-cor']);
    expect(spring.orphanedCommitments.map((o) => o.commitmentId)).toEqual(['c-bram', 'c-cor']);
  });

  it('answers as the world was on 30 April, in the middle of the burst', () => {
    const then = reportOf(views, {}, { ...ALL_TIME, asOf: endOfDutchDay('2023-04-30') });
    const kampenThen = then.parties.find((p) => p.partyId === 'gemeente-kampen');
    // By 30 Apr only Anna (with handover) and Bram (without) had left: 2 in 90 days, no flag yet.
    expect(kampenThen).toMatchObject({
      departures: 2,
      withHandover: 1,
      handoverShare: 0.5,
      maxDeparturesIn90Days: 2,
      threeOrMoreIn90Days: false,
      // Anna's seat 20 days; Bram's still vacant from 15 Apr to the end of 30 Apr: 15 days.
      vacancyDays: 35,
      openVacancies: 1,
    });
    // c-bram is still without an owner on 30 Apr: 15 days so far.
    expect(then.orphanedCommitments).toMatchObject([
      { commitmentId: 'c-bram', orphanedUntil: null, days: 15, stillOrphaned: true },
    ]);
    // No collective meeting had taken place since Bram left.
    expect(departureOf('p-bram', then)?.attendance.after).toEqual({ expected: 0, attended: 0, rate: null });
    expect(kampenThen?.seats.find((s) => s.roleId === 'r-subsidie')?.currentHolder).toBe('p-cor');
  });

  it('answers as the ledger knew it before Cor’s handover was typed in', () => {
    const knownAt = { ...ALL_TIME, knownAt: Date.parse(LATE_HANDOVER_RECORDED) - 1 };
    const then = reportOf(views, {}, knownAt);
    // Only Anna's handover is known: 1 of 4; c-cor still orphaned, 10 May → 1 Jan 2024: 236 days.
    expect(then.parties.find((p) => p.partyId === 'gemeente-kampen')).toMatchObject({
      withHandover: 1,
      handoverShare: 0.25,
      orphanedCommitments: 3,
      stillOrphaned: 1,
      orphanedDays: 66 + 236 + 46,
    });
    expect(departureOf('p-cor', then)?.handover).toBeNull();
    expect(then.orphanedCommitments.find((o) => o.commitmentId === 'c-cor')).toMatchObject({
      orphanedUntil: null,
      days: 236,
      stillOrphaned: true,
    });
  });

  it('never returns a handover note', () => {
    expect(JSON.stringify(report)).not.toContain(SECRET_NOTE);
    expect(JSON.stringify(views.continuity.seats.get('r-beleid'))).not.toContain(SECRET_NOTE);
  });
});

describe('laws of the continuity and handover views', () => {
  const facts = turnoverStory().facts;
  const full = replay(facts);
  const answers = (views: LedgerViews, window: TimeWindow) => ({
    continuity: reportOf(views, {}, window),
    handovers: handoverHistory(views.directory, views.continuity, {}, window),
  });
  const firstDay = Date.parse('2022-11-15T00:00:00+01:00');
  const lastDay = Date.parse('2024-01-15T00:00:00+01:00');

  it('answers as of a date exactly as a replay of only what had happened by then', () => {
    fc.assert(
      fc.property(fc.integer({ min: firstDay, max: lastDay }), (asOf) => {
        const window = { ...ALL_TIME, asOf };
        const truncated = replay(facts.filter((fact) => fact.occurredAt <= asOf));
        expect(answers(full, window)).toEqual(answers(truncated, window));
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order in which independent streams were written', () => {
    const expected = answers(full, ALL_TIME);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: facts.length, maxLength: facts.length }), (choices) => {
        expect(answers(replay(interleave(facts, choices)), ALL_TIME)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
