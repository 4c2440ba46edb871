import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

/**
 * Two API instances on one store file, as two processes would run: each keeps its own cache
 * of stream state, which the other's writes make stale. Staleness may cost a retry, but
 * never a wrong fact and never a wrong refusal.
 */
describe('two API instances on one store', () => {
  let first: LedgerApi & { dataDir: string };
  let second: LedgerApi;

  beforeAll(async () => {
    first = await startLedgerApi();
    second = await startLedgerApi({ shareDataDir: first.dataDir });
    for (const [path, body] of [
      ['/programmes', { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' }],
      ['/parties', { partyId: 'gemeente-den-haag', kind: 'municipality', name: 'Gemeente Den Haag' }],
      ['/people', { personId: 'p-0101', name: 'Deelnemer A' }],
      ['/people', { personId: 'p-0102', name: 'Deelnemer B' }],
      [
        '/meetings',
        {
          meetingId: 'finale',
          programmeId: 'samen',
          kind: 'final',
          title: 'Samen Verder',
          startsAt: '2024-11-25T13:00:00+01:00',
          place: 'Den Haag',
          expectedPartyIds: ['gemeente-den-haag'],
        },
      ],
    ] as const) {
      expect((await first.post(path, body)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('accepts a correction that only looks pointless on the first instance’s outdated state', async () => {
    // The first instance records and so caches "present"; the second corrects it to "excused".
    await first.post('/meetings/finale/attendance', {
      personId: 'p-0101',
      partyId: 'gemeente-den-haag',
      status: 'present',
    });
    const elsewhere = await second.post('/meetings/finale/attendance/corrections', {
      personId: 'p-0101',
      status: 'excused',
      reason: 'Had zich afgemeld',
    });
    // Back on the first instance, "present" is a real change again.
    const answer = await first.post('/meetings/finale/attendance/corrections', {
      personId: 'p-0101',
      status: 'present',
      reason: 'Toch gekomen',
    });

    expect([elsewhere.status, answer.status]).toEqual([201, 201]);
    const stream = await first.store.readStream('meeting-finale');
    expect(stream.slice(-2).map((e) => [e.type, e.data.status])).toEqual([
      ['AttendanceCorrected', 'excused'],
      ['AttendanceCorrected', 'present'],
    ]);
  });

  it('refuses what the other instance already recorded, by the rule, writing nothing', async () => {
    await first.post('/meetings/finale/attendance/corrections', {
      personId: 'p-0101',
      status: 'absent',
      reason: 'Vergissing',
    });
    await second.post('/meetings/finale/attendance', {
      personId: 'p-0102',
      partyId: 'gemeente-den-haag',
      status: 'present',
    });
    const before = await first.store.readStream('meeting-finale');

    const answer = await first.post('/meetings/finale/attendance', {
      personId: 'p-0102',
      partyId: 'gemeente-den-haag',
      status: 'present',
    });

    expect(answer).toMatchObject({ status: 422, body: { code: 'attendance-already-recorded' } });
    expect(await first.store.readStream('meeting-finale')).toHaveLength(before.length);
  });
});
