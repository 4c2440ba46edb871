import { ALL_TIME, endOfDutchDay } from '../core/time-window';
import { replay } from '../ledger-views';
import { FactScript } from '../testing/fact-script';
import { presenceReport } from './presence.query';

/**
 * Two sites, each an initiative and its gemeente, all four expected at every meeting.
 *   M1 collective 9 Mar:   Kampen present, init A present, Vaals absent,  init B present
 *   M2 collective 15 Jun:  Kampen absent (corrected to present on 20 Jun, recorded late),
 *                          init A present, Vaals excused, init B present
 *   M3 collective 21 Sep:  cancelled
 *   M4 online 5 Oct:       Vaals present (not collective: no rate)
 *   M5 collective 30 Nov:  Kampen nobody recorded, init A present, Vaals present, init B absent
 */
function story(): FactScript {
  const script = new FactScript()
    .add('ProgrammeLaunched', { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' }, '2022-12-01')
    .parties(
      [
        ['gemeente-kampen', 'municipality', 'Gemeente Kampen'],
        ['gemeente-vaals', 'municipality', 'Gemeente Vaals'],
        ['init-a', 'initiative', 'Initiatief A'],
        ['init-b', 'initiative', 'Initiatief B'],
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
  const expected = ['gemeente-kampen', 'gemeente-vaals', 'init-a', 'init-b'];
  const meeting = (meetingId: string, kind: 'collective' | 'online', date: string, scheduledOn: string) =>
    script.add(
      'MeetingScheduled',
      {
        meetingId,
        programmeId: 'samen',
        kind,
        title: meetingId,
        startsAt: `${date}T13:00:00+01:00`,
        place: 'Utrecht',
        expectedPartyIds: expected,
      },
      scheduledOn,
    );
  const mark = (
    meetingId: string,
    personId: string,
    partyId: string,
    status: 'present' | 'absent' | 'excused',
    on: string,
  ) => script.add('AttendanceRecorded', { meetingId, personId, partyId, status }, on);

  meeting('m1', 'collective', '2023-03-09', '2023-02-01');
  mark('m1', 'p-1', 'gemeente-kampen', 'present', '2023-03-09');
  mark('m1', 'p-2', 'init-a', 'present', '2023-03-09');
  mark('m1', 'p-3', 'gemeente-vaals', 'absent', '2023-03-09');
  mark('m1', 'p-4', 'init-b', 'present', '2023-03-09');
  meeting('m2', 'collective', '2023-06-15', '2023-05-01');
  mark('m2', 'p-1', 'gemeente-kampen', 'absent', '2023-06-15');
  mark('m2', 'p-2', 'init-a', 'present', '2023-06-15');
  mark('m2', 'p-3', 'gemeente-vaals', 'excused', '2023-06-15');
  mark('m2', 'p-4', 'init-b', 'present', '2023-06-15');
  meeting('m3', 'collective', '2023-09-21', '2023-08-01');
  script.add('MeetingCancelled', { meetingId: 'm3', reason: 'Te weinig aanmeldingen' }, '2023-09-10');
  meeting('m4', 'online', '2023-10-05', '2023-09-01');
  mark('m4', 'p-3', 'gemeente-vaals', 'present', '2023-10-05');
  meeting('m5', 'collective', '2023-11-30', '2023-10-15');
  mark('m5', 'p-2', 'init-a', 'present', '2023-11-30');
  mark('m5', 'p-3', 'gemeente-vaals', 'present', '2023-11-30');
  mark('m5', 'p-4', 'init-b', 'absent', '2023-11-30');
  // Typed in long after: Kampen's official was there on 15 June after all.
  script.add(
    'AttendanceCorrected',
    {
      meetingId: 'm2',
      personId: 'p-1',
      partyId: 'gemeente-kampen',
      status: 'present',
      previousStatus: 'absent',
      reason: 'Presentielijst nagekeken',
    },
    '2023-06-20',
    { recordedAt: '2026-02-01T00:00:00Z' },
  );
  return script;
}

const rateOf = (report: ReturnType<typeof presenceReport>, partyId: string) =>
  report.rates.find((r) => r.partyId === partyId);

describe('who is present from each gemeente', () => {
  const views = replay(story().facts);
  const report = presenceReport(views.directory, views.presence, {}, ALL_TIME);

  it('counts each party over the collective meetings that took place and expected it', () => {
    // M1, M2 and M5 took place; M3 was cancelled and M4 was online.
    // Kampen: M1 present, M2 present (corrected), M5 nobody → 2 of 3.
    expect(rateOf(report, 'gemeente-kampen')).toMatchObject({
      collectiveExpected: 3,
      collectiveAttended: 2,
      rate: 0.667,
    });
    // Vaals: absent, excused, present → 1 of 3; its online visit does not count.
    expect(rateOf(report, 'gemeente-vaals')).toMatchObject({
      collectiveExpected: 3,
      collectiveAttended: 1,
      rate: 0.333,
    });
    // Initiative A came to all three, initiative B to M1 and M2.
    expect(rateOf(report, 'init-a')).toMatchObject({ collectiveAttended: 3, rate: 1 });
    expect(rateOf(report, 'init-b')).toMatchObject({ collectiveAttended: 2, rate: 0.667 });
  });

  it('lists the meetings where an initiative came and its gemeente did not', () => {
    // M1 and M2: initiative B came, Vaals was absent and excused. M5: initiative A came, nobody from Kampen.
    expect(report.initiativeWithoutGemeente.map((g) => [g.meetingId, g.siteId])).toEqual([
      ['m1', 'vaals'],
      ['m2', 'vaals'],
      ['m5', 'kampen'],
    ]);
  });

  it('shows the people present per meeting and party, and a cancelled meeting as cancelled', () => {
    const m2 = report.meetings.find((m) => m.meetingId === 'm2');
    expect(m2?.parties.find((p) => p.partyId === 'gemeente-kampen')).toMatchObject({
      expected: true,
      present: ['p-1'],
      absent: [],
    });
    expect(m2?.parties.find((p) => p.partyId === 'gemeente-vaals')).toMatchObject({ excused: ['p-3'] });
    expect(report.meetings.find((m) => m.meetingId === 'm3')?.cancelled).toBe(true);
  });

  it('narrows to one site: its gemeente and initiative only', () => {
    const kampen = presenceReport(views.directory, views.presence, { siteId: 'kampen' }, ALL_TIME);
    expect(kampen.rates.map((r) => r.partyId)).toEqual(['gemeente-kampen', 'init-a']);
    expect(kampen.initiativeWithoutGemeente.map((g) => g.meetingId)).toEqual(['m5']);
  });

  it('narrows a site to its own programme, also when its gemeente takes part in another', () => {
    // Kampen also has site "kampen-2" in a second programme; M6 there expects Kampen and init C.
    const script = story()
      .add(
        'ProgrammeLaunched',
        { programmeId: 'samen-2', name: 'Tweede programma', startsOn: '2023-01-01' },
        '2023-01-01',
      )
      .parties([['init-c', 'initiative', 'Initiatief C']], '2023-01-02')
      .sites('samen-2', [['kampen-2', 'gemeente-kampen', 'init-c']], '2023-01-10');
    script.add(
      'MeetingScheduled',
      {
        meetingId: 'm6',
        programmeId: 'samen-2',
        kind: 'collective',
        title: 'm6',
        startsAt: '2023-04-13T13:00:00+02:00',
        place: 'Zwolle',
        expectedPartyIds: ['gemeente-kampen', 'init-c'],
      },
      '2023-03-01',
    );
    script.add(
      'AttendanceRecorded',
      { meetingId: 'm6', personId: 'p-1', partyId: 'gemeente-kampen', status: 'present' },
      '2023-04-13',
    );
    const both = replay(script.facts);
    const kampen = presenceReport(both.directory, both.presence, { siteId: 'kampen' }, ALL_TIME);
    const kampen2 = presenceReport(both.directory, both.presence, { siteId: 'kampen-2' }, ALL_TIME);
    const everything = presenceReport(both.directory, both.presence, {}, ALL_TIME);
    // Site kampen: M1–M5 of SAMEN only; Kampen still 2 of 3 there.
    expect(kampen.meetings.map((m) => m.meetingId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(rateOf(kampen, 'gemeente-kampen')).toMatchObject({ collectiveExpected: 3, collectiveAttended: 2 });
    // Site kampen-2: M6 only, where Kampen came and init C did not.
    expect(kampen2.meetings.map((m) => m.meetingId)).toEqual(['m6']);
    expect(rateOf(kampen2, 'gemeente-kampen')).toMatchObject({ collectiveExpected: 1, collectiveAttended: 1 });
    expect(rateOf(kampen2, 'init-c')).toMatchObject({ collectiveExpected: 1, collectiveAttended: 0 });
    // Unfiltered, the gemeente counts over both programmes: 3 of 4.
    expect(rateOf(everything, 'gemeente-kampen')).toMatchObject({ collectiveExpected: 4, collectiveAttended: 3 });
  });

  it('answers as the world was: on 16 June Kampen had missed M2', () => {
    const asOf = { ...ALL_TIME, asOf: endOfDutchDay('2023-06-16') };
    const then = presenceReport(views.directory, views.presence, {}, asOf);
    // The correction happened on 20 June; by 16 June M1 and M2 had taken place.
    expect(rateOf(then, 'gemeente-kampen')).toMatchObject({ collectiveExpected: 2, collectiveAttended: 1 });
    expect(then.meetings.map((m) => m.meetingId)).toEqual(['m1', 'm2']);
  });

  it('answers as the ledger knew it: before the late correction was recorded, 1 of 3 for Kampen', () => {
    const knownAt = { ...ALL_TIME, knownAt: Date.parse('2026-01-31T00:00:00Z') };
    expect(rateOf(presenceReport(views.directory, views.presence, {}, knownAt), 'gemeente-kampen')).toMatchObject({
      collectiveAttended: 1,
    });
  });
});
