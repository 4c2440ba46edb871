import { ALL_TIME, endOfDutchDay, type TimeWindow } from '../core/time-window';
import { replay } from '../ledger-views';
import { LATE_HANDOVER_RECORDED, SECRET_NOTE, turnoverStory } from '../continuity/turnover-story.testing';
import { handoverHistory, type HandoverFilter } from './handovers.query';

describe('handover history', () => {
  const views = replay(turnoverStory().facts);
  const historyOf = (filter: HandoverFilter = {}, window: TimeWindow = ALL_TIME) =>
    handoverHistory(views.directory, views.continuity, filter, window);
  const kampenOf = (report: ReturnType<typeof historyOf>) =>
    report.parties.find((p) => p.partyId === 'gemeente-kampen');
  const kampen = kampenOf(historyOf());

  it('tells every appointment, departure and handover at gemeente Kampen in the order they happened', () => {
    // Four seats assigned on 10 Jan (in the order written), then Anna's handover (28 Feb)
    // before she left (1 Mar), Gijs (21 Mar), Bram leaves (15 Apr), Cor leaves (10 May) and
    // hands over (20 May), Dirk leaves (25 May), Hans (14 Jun), Ilse (3 Jul): 13 events.
    expect(kampen?.events.map((e) => [e.on, e.kind, e.roleId, e.personId])).toEqual([
      ['2023-01-10', 'assigned', 'r-beleid', 'p-anna'],
      ['2023-01-10', 'assigned', 'r-wijk', 'p-bram'],
      ['2023-01-10', 'assigned', 'r-subsidie', 'p-cor'],
      ['2023-01-10', 'assigned', 'r-secretaris', 'p-dirk'],
      ['2023-02-28', 'handover', 'r-beleid', 'p-anna'],
      ['2023-03-01', 'vacated', 'r-beleid', 'p-anna'],
      ['2023-03-21', 'appointed', 'r-beleid', 'p-gijs'],
      ['2023-04-15', 'vacated', 'r-wijk', 'p-bram'],
      ['2023-05-10', 'vacated', 'r-subsidie', 'p-cor'],
      ['2023-05-20', 'handover', 'r-subsidie', 'p-cor'],
      ['2023-05-25', 'vacated', 'r-secretaris', 'p-dirk'],
      ['2023-06-14', 'appointed', 'r-wijk', 'p-hans'],
      ['2023-07-03', 'appointed', 'r-secretaris', 'p-ilse'],
    ]);
    // 4 assigned + 3 successors = 7 appointments; 4 vacancies; 2 handovers.
    expect(kampen).toMatchObject({ appointments: 7, vacancies: 4, handovers: 2 });
  });

  it('says what each handover passed on, to whom (nobody yet), and whether partners were introduced', () => {
    expect(kampen?.events.find((e) => e.kind === 'handover')?.handover).toEqual({
      handoverId: 'h-anna',
      handedOverOn: '2023-02-28',
      toPersonId: null,
      transferredCommitmentIds: ['c-anna'],
      introducedToPartners: false,
    });
  });

  it('marks departures with and without a handover, and names the previous holder of a successor', () => {
    const vacated = kampen?.events.filter((e) => e.kind === 'vacated');
    expect(vacated?.map((e) => [e.personId, e.handoverRecorded])).toEqual([
      ['p-anna', true],
      ['p-bram', false],
      ['p-cor', true],
      ['p-dirk', false],
    ]);
    // Why someone left is personal data: it stays in the person's facts, out of shared views.
    expect(JSON.stringify(kampen)).not.toContain('Reorganisatie');
    expect(kampen?.events.find((e) => e.personId === 'p-hans')?.previousPersonId).toBe('p-bram');
  });

  it('never contains the restricted note', () => {
    expect(JSON.stringify(historyOf())).not.toContain(SECRET_NOTE);
  });

  it('shows gemeenten first, and narrows to one party or a period', () => {
    expect(historyOf().parties.map((p) => p.partyId)).toEqual(['gemeente-kampen', 'gemeente-vaals', 'fonds-oranje']);
    expect(historyOf({ partyId: 'fonds-oranje' }).parties.map((p) => [p.partyId, p.events.length])).toEqual([
      ['fonds-oranje', 2],
    ]);
    // May: Cor leaves and hands over, Dirk leaves.
    const may = historyOf({ from: Date.parse('2023-05-01T00:00:00+02:00'), to: endOfDutchDay('2023-05-31') });
    expect(may.parties.map((p) => [p.partyId, p.events.map((e) => e.kind)])).toEqual([
      ['gemeente-kampen', ['vacated', 'handover', 'vacated']],
    ]);
  });

  it('answers as of 30 April: the first two departures and one successor', () => {
    const then = kampenOf(historyOf({}, { ...ALL_TIME, asOf: endOfDutchDay('2023-04-30') }));
    // 4 assigned, Anna's handover, Anna leaves, Gijs, Bram leaves.
    expect(then).toMatchObject({ appointments: 5, vacancies: 2, handovers: 1 });
    expect(then?.events).toHaveLength(8);
  });

  it('answers as the ledger knew it before Cor’s handover was typed in', () => {
    const then = kampenOf(historyOf({}, { ...ALL_TIME, knownAt: Date.parse(LATE_HANDOVER_RECORDED) - 1 }));
    expect(then).toMatchObject({ handovers: 1 });
    expect(then?.events).toHaveLength(12);
    expect(then?.events.find((e) => e.kind === 'vacated' && e.personId === 'p-cor')?.handoverRecorded).toBe(false);
  });
});
