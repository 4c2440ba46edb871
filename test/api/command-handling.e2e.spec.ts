import { EventBus } from '@nestjs/cqrs';
import { StoredEvent } from '@samen/command-handling';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

/** How commands meet concurrency, retries and the event bus, through the real server. */
describe('command handling', () => {
  let api: LedgerApi;
  let published: StoredEvent[] = [];

  beforeAll(async () => {
    api = await startLedgerApi();
    api.app.get(EventBus).subscribe((event) => {
      if (event instanceof StoredEvent) published.push(event);
    });
    const setUp: [string, object][] = [
      ['/programmes', { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' }],
      ['/parties', { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' }],
      ...Array.from({ length: 10 }, (_, i): [string, object] => [
        '/people',
        { personId: `p-${i}`, name: `Deelnemer ${i}` },
      ]),
      [
        '/meetings',
        {
          meetingId: 'pitstop-vaals',
          programmeId: 'samen',
          kind: 'pitstop',
          title: 'Pitstop',
          startsAt: '2023-06-01T19:30:00+02:00',
          place: 'Vaals',
          expectedPartyIds: ['gemeente-vaals'],
        },
      ],
    ];
    for (const [path, body] of setUp) expect((await api.post(path, body)).status).toBe(201);
  });
  beforeEach(() => {
    published = [];
  });
  afterAll(() => api.close());

  it('records every one of many concurrent commands on one stream, retrying on fresh state', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.post('/meetings/pitstop-vaals/attendance', {
          personId: `p-${i}`,
          partyId: 'gemeente-vaals',
          status: 'present',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const stream = await api.store.readStream('meeting-pitstop-vaals');
    expect(stream.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lets exactly one of several concurrent conflicting commands through and refuses the rest by the rule', async () => {
    await api.post('/meetings', {
      meetingId: 'online-1',
      programmeId: 'samen',
      kind: 'online',
      title: 'Bijpraatmoment',
      startsAt: '2023-09-05T16:00:00+02:00',
      place: 'Teams',
      expectedPartyIds: [],
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.post('/meetings/online-1/attendance', { personId: 'p-1', partyId: 'gemeente-vaals', status: 'present' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(answers.filter((a) => a.status === 422).map((a) => a.body.code)).toEqual(
      Array(4).fill('attendance-already-recorded'),
    );
  });

  it('answers concurrent retries of one Idempotency-Key with the first answer and writes once', async () => {
    const retry = () =>
      api.post(
        '/commitments',
        {
          programmeId: 'samen',
          byPartyId: 'gemeente-vaals',
          responsiblePersonId: 'p-2',
          toPartyIds: ['gemeente-vaals-wijkraad'],
          kind: 'attend',
          description: 'Elke collectieve bijeenkomst aanwezig',
        },
        { 'Idempotency-Key': 'vaals-aanwezig-2023' },
      );
    await api.post('/parties', { partyId: 'gemeente-vaals-wijkraad', kind: 'initiative', name: 'Wijkraad Vaals' });
    const before = await api.store.headPosition();
    const answers = await Promise.all([retry(), retry(), retry()]);
    const later = await retry();

    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set([...answers, later].map((a) => a.body.id)).size).toBe(1);
    expect(later.body).toMatchObject({ replayed: true, revision: 0 });
    expect((await api.eventsAfter(before)).map((e) => e.type)).toEqual(['CommitmentMade']);
  });

  it('refuses a stale If-Match with 409 and the current revision, writing nothing', async () => {
    const before = await api.store.headPosition();
    const answer = await api.post(
      '/meetings/pitstop-vaals/cancellation',
      { reason: 'Zaal niet beschikbaar' },
      { 'If-Match': '"3"' },
    );
    expect(answer).toMatchObject({ status: 409, body: { code: 'concurrent-change', currentRevision: 10 } });
    expect(await api.store.headPosition()).toBe(before);
  });

  it('publishes an event on the bus only after it is stored, with its position', async () => {
    const answer = await api.post('/parties', { partyId: 'stichting-doen', kind: 'fund', name: 'Stichting DOEN' });
    await waitFor(() => published.length === 1);
    const [stored] = await api.store.readStream('party-stichting-doen');
    expect(published[0].event).toEqual(stored);
    expect(published[0].event.position.toString()).toBe(answer.body.position);
  });

  it('publishes nothing for a refused command', async () => {
    const answer = await api.post('/parties', { partyId: 'stichting-doen', kind: 'fund', name: 'Stichting DOEN' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answer.status).toBe(422);
    expect(published).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
