import { expectInvalid, freshId, Story } from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

interface Entry {
  position: string;
  type: string;
  category: string;
  occurredAt: string;
  siteId: string | null;
  partyIds: string[];
  history: string;
}

interface TimelineBody {
  total: number;
  entries: Entry[];
  nextCursor: string | null;
}

interface ChangesBody extends TimelineBody {
  byType: { type: string; count: number }[];
  byCategory: { category: string; count: number }[];
}

/**
 * A site (gemeente + initiative) in a programme, a fund, a meeting hosted by the site, the
 * fund's commitment and its payment; the gemeente's excused absence at the meeting (14 March)
 * is typed in last. By hand:
 *   gemeente: registered 2 Dec, site joined 10 Jan, expected at the meeting (scheduled 1 Feb),
 *     excused 14 March = 4 facts, the late one last in time as well.
 *   site: joined, meeting, commitment (15 Feb), initiative present and gemeente excused (14 March),
 *     payment (3 April) = 6 facts; the late attendance lands before the payment.
 *   changes after 14 Feb up to 31 March: the commitment and both attendances = 3.
 */
describe('the timeline over HTTP', () => {
  let api: LedgerApi;
  let gemeenteId: string;
  let initiativeId: string;
  let siteId: string;
  let programmeId: string;
  let late: string;

  beforeAll(async () => {
    api = await startLedgerApi();
    const story = new Story(api);
    programmeId = freshId('samen');
    await story.record('/programmes', {
      programmeId,
      name: 'Programma SAMEN',
      startsOn: '2022-12-01',
      occurredAt: '2022-12-01T10:00:00+01:00',
    });
    const party = async (kind: string, name: string) => {
      const partyId = freshId(name);
      await story.record('/parties', { partyId, kind, name, occurredAt: '2022-12-02T10:00:00+01:00' });
      return partyId;
    };
    gemeenteId = await party('municipality', 'Gemeente Kampen');
    initiativeId = await party('initiative', 'Bewonersinitiatief Kampen');
    const fundId = await party('fund', 'Oranje Fonds');
    siteId = freshId('kampen');
    await story.record(`/programmes/${programmeId}/sites`, {
      siteId,
      name: 'Proeftuin Kampen',
      initiativePartyIds: [initiativeId],
      gemeentePartyId: gemeenteId,
      funded: true,
      occurredAt: '2023-01-10T10:00:00+01:00',
    });
    const initiator = await story.person('Invented Initiator');
    const official = await story.person('Invented Official');
    const meetingId = freshId('collectief');
    await story.record('/meetings', {
      meetingId,
      programmeId,
      kind: 'collective',
      title: 'Collectieve bijeenkomst',
      startsAt: '2023-03-14T10:00:00+01:00',
      place: 'Utrecht',
      hostSiteId: siteId,
      expectedPartyIds: [gemeenteId, initiativeId],
      occurredAt: '2023-02-01T10:00:00+01:00',
    });
    await story.record(`/meetings/${meetingId}/attendance`, {
      personId: initiator,
      partyId: initiativeId,
      status: 'present',
      occurredAt: '2023-03-14T10:00:00+01:00',
    });
    const commitmentId = freshId('bijdrage');
    await story.record('/commitments', {
      commitmentId,
      programmeId,
      siteId,
      byPartyId: fundId,
      responsiblePersonId: initiator,
      toPartyIds: [initiativeId],
      kind: 'fund',
      description: 'Bijdrage proeftuin Kampen',
      amountInCents: 1_500_000,
      occurredAt: '2023-02-15T10:00:00+01:00',
    });
    await story.record('/payments', {
      paymentId: freshId('betaling'),
      fromPartyId: fundId,
      toPartyId: initiativeId,
      amountInCents: 1_500_000,
      purpose: 'programme-contribution',
      paidOn: '2023-04-03',
      settlesCommitmentId: commitmentId,
      occurredAt: '2023-04-03T10:00:00+02:00',
    });
    late = (
      await story.record(`/meetings/${meetingId}/attendance`, {
        personId: official,
        partyId: gemeenteId,
        status: 'excused',
        occurredAt: '2023-03-14T10:00:00+01:00',
      })
    ).position;
  });
  afterAll(async () => api.close());

  it('lists a gemeente’s facts in the order they happened, the attendance resolved to it', async () => {
    const answer = await api.get<TimelineBody>(`/views/timeline?partyId=${gemeenteId}&minPosition=${late}`);

    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(4);
    expect(answer.body.entries.map((e) => e.type)).toEqual([
      'PartyRegistered',
      'SiteJoined',
      'MeetingScheduled',
      'AttendanceRecorded',
    ]);
    expect(answer.body.entries[3]).toMatchObject({
      position: late,
      category: 'attendance',
      siteId,
      partyIds: [gemeenteId],
      history: expect.stringMatching(/^\/history\/meeting\/collectief-\d+$/),
    });
  });

  it('puts the late attendance where it happened, and pages through the site with a cursor', async () => {
    const all = await api.get<TimelineBody>(`/views/timeline?siteId=${siteId}&minPosition=${late}`);
    expect(all.body.entries.map((e) => e.type)).toEqual([
      'SiteJoined',
      'MeetingScheduled',
      'CommitmentMade',
      'AttendanceRecorded',
      'AttendanceRecorded',
      'PaymentMade',
    ]);
    expect(all.body.entries[4].position).toBe(late);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: TimelineBody } = await api.get<TimelineBody>(
        `/views/timeline?siteId=${siteId}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.entries.map((e) => e.position));
      cursor = page.body.nextCursor;
    } while (cursor !== null && seen.length < 100);
    expect(seen).toEqual(all.body.entries.map((e) => e.position));
  });

  it('counts what changed between two dates', async () => {
    const answer = await api.get<ChangesBody>(
      `/views/timeline/changes?from=2023-02-14&to=2023-03-31&siteId=${siteId}&minPosition=${late}`,
    );

    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(3);
    expect(answer.body.byType).toEqual([
      expect.objectContaining({ type: 'AttendanceRecorded', count: 2 }),
      expect.objectContaining({ type: 'CommitmentMade', count: 1 }),
    ]);
    expect(answer.body.byCategory).toContainEqual({ category: 'attendance', count: 2 });
  });

  it('lets an evaluator read it', async () => {
    const evaluator = { authorization: `Bearer ${api.tokenFor({ kind: 'evaluator', id: 'e2e-evaluator' })}` };
    const answer = await api.get<TimelineBody>(`/views/timeline?programmeId=${programmeId}&limit=1`, evaluator);

    expect(answer.status).toBe(200);
    expect(answer.body.entries).toHaveLength(1);
  });

  it('exports one row per fact as CSV for Dutch Excel', async () => {
    const ask = () =>
      fetch(`${api.base}/views/timeline?partyId=${gemeenteId}&limit=3&minPosition=${late}`, {
        headers: { ...api.auth, accept: 'text/csv' },
      });
    const response = await ask();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('x-next-cursor')).toMatch(/^[A-Za-z0-9_-]+$/);
    // Asked again, the remembered answer carries its cursor too.
    expect((await ask()).headers.get('x-next-cursor')).toBe(response.headers.get('x-next-cursor'));
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
    expect(header.split(';')).toEqual([
      'Positie / position',
      'Soort / type',
      'Categorie / category',
      'Gebeurd op / occurred at',
      'Vastgelegd op / recorded at',
      'Stroom / stream',
      'Programma / programme',
      'Proeftuin / site',
      'Partijen / parties',
    ]);
    expect(rows.map((row) => row.split(';')[1])).toEqual(['PartyRegistered', 'SiteJoined', 'MeetingScheduled']);
  });

  it('refuses a cursor it did not hand out, a limit out of range, and changes without both dates', async () => {
    await expectInvalid(api, () => api.get('/views/timeline?cursor=bm9uc2Vuc2U'), ['cursor']);
    await expectInvalid(api, () => api.get('/views/timeline?cursor=not%20a%20cursor'), ['cursor']);
    await expectInvalid(api, () => api.get('/views/timeline?limit=0'), ['limit']);
    await expectInvalid(api, () => api.get('/views/timeline?limit=1001'), ['limit']);
    await expectInvalid(api, () => api.get('/views/timeline/changes?from=2023-01-01'), ['to']);
    await expectInvalid(api, () => api.get('/views/timeline/changes?from=2023-06-01&to=2023-01-01'), ['to']);
  });
});
