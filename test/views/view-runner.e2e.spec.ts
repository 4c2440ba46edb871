import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VIEWS_VERSION, ViewRunner, ViewStateStore } from '@samen/views';
import { importFactsFile } from '../../apps/ledger-api/src/facts-import/import-facts';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

/**
 * One gemeente and its initiative, expected at two collective meetings: the initiative came
 * to both, the gemeente to the first only. By hand: gemeente 1 of 2 (0.5), initiative 2 of 2,
 * and the second meeting is one where the initiative came without its gemeente.
 */
const STORY = [
  { fact: 'ProgrammeLaunched', programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' },
  { fact: 'PartyRegistered', partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' },
  { fact: 'PartyRegistered', partyId: 'initiatief-vaals', kind: 'initiative', name: 'Bewonersinitiatief Vaals' },
  {
    fact: 'SiteJoined',
    programmeId: 'samen',
    siteId: 'vaals',
    name: 'Proeftuin Vaals',
    gemeentePartyId: 'gemeente-vaals',
    initiativePartyIds: ['initiatief-vaals'],
    funded: true,
  },
  { fact: 'PersonRegistered', personId: 'p-0001', name: 'Mira Voorbeeld' },
  { fact: 'PersonRegistered', personId: 'p-0002', name: 'Joost Testman' },
  ...['2023-03-09', '2023-06-15'].map((date, i) => ({
    fact: 'MeetingScheduled',
    meetingId: `m${i + 1}`,
    programmeId: 'samen',
    kind: 'collective',
    title: `Collectieve bijeenkomst ${i + 1}`,
    startsAt: `${date}T13:00:00+01:00`,
    place: 'Utrecht',
    expectedPartyIds: ['gemeente-vaals', 'initiatief-vaals'],
  })),
  { fact: 'AttendanceRecorded', meetingId: 'm1', personId: 'p-0001', partyId: 'gemeente-vaals', status: 'present' },
  { fact: 'AttendanceRecorded', meetingId: 'm1', personId: 'p-0002', partyId: 'initiatief-vaals', status: 'present' },
  { fact: 'AttendanceRecorded', meetingId: 'm2', personId: 'p-0001', partyId: 'gemeente-vaals', status: 'absent' },
  { fact: 'AttendanceRecorded', meetingId: 'm2', personId: 'p-0002', partyId: 'initiatief-vaals', status: 'present' },
].map((fact) => JSON.stringify({ ...fact, occurredAt: '2023-06-15T18:00:00+01:00' }));

interface RatesBody {
  position: string;
  rates: { partyId: string; collectiveExpected: number; collectiveAttended: number; rate: number }[];
}

describe('the views as the API serves them', () => {
  let dir: string;
  let api: LedgerApi | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-views-'));
  });
  afterEach(async () => {
    await api?.close();
    api = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => (api = await startLedgerApi({ shareDataDir: dir }));
  const importStory = async (lines: string[]) => {
    const file = join(dir, 'story.facts');
    writeFileSync(file, lines.join('\n'));
    await importFactsFile(api!.app, file);
  };
  const rates = async () => (await api!.get<RatesBody>(`/views/presence/rates?minPosition=${STORY.length}`)).body;

  it('answers what was just written when asked with the position of the last command', async () => {
    await start();
    await importStory(STORY);
    const answer = await api!.get<RatesBody>(`/views/presence/rates?minPosition=${STORY.length}`);
    expect(answer.status).toBe(200);
    expect(answer.body.position).toBe(String(STORY.length));
    expect(answer.body.rates).toEqual([
      expect.objectContaining({ partyId: 'gemeente-vaals', collectiveExpected: 2, collectiveAttended: 1, rate: 0.5 }),
      expect.objectContaining({ partyId: 'initiatief-vaals', collectiveExpected: 2, collectiveAttended: 2, rate: 1 }),
    ]);
    const gaps = await api!.get<{ initiativeWithoutGemeente: { meetingId: string }[] }>('/views/presence/gaps');
    expect(gaps.body.initiativeWithoutGemeente.map((g) => g.meetingId)).toEqual(['m2']);
  });

  it('remembers an answer given as data until the next fact arrives, then asks the views again', async () => {
    await start();
    await importStory(STORY.slice(0, -1));
    await api!.get(`/views/presence/rates?minPosition=${STORY.length - 1}`);
    const runner = api!.app.get(ViewRunner);
    const count = (views: { presence: unknown }) => ({ views });
    const first = runner.remembered('story', count);
    expect(runner.remembered('story', count)).toBe(first);
    await importStory(STORY);
    await api!.get(`/views/presence/rates?minPosition=${STORY.length}`);
    expect(runner.remembered('story', count)).not.toBe(first);
  });

  it('says plainly, after a bounded wait, that the views have not reached a position yet', async () => {
    await start();
    const started = Date.now();
    const answer = await api!.get<{ status: number; code: string; detail: string }>('/views/presence?minPosition=999');
    expect(answer.status).toBe(503);
    expect(answer.body.code).toBe('views-behind');
    expect(answer.body.detail).toContain('position 999');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
  }, 15_000);

  it('resumes from its saved checkpoint after a restart, and a rebuild from scratch answers the same', async () => {
    await start();
    await importStory(STORY.slice(0, 8));
    await api!.get(`/views/presence?minPosition=8`);
    await api!.close(); // saves views and checkpoint together
    const saved = new ViewStateStore(join(dir, 'views.db'), VIEWS_VERSION);
    expect(saved.load()?.position).toBe(8n);
    saved.close();

    await start();
    await importStory(STORY);
    const resumed = await rates();
    await api!.close();

    rmSync(join(dir, 'views.db'));
    await start();
    expect(await rates()).toEqual(resumed);
    expect(resumed.rates).toHaveLength(2);
  });

  it('reports in /health how far the views are behind the log', async () => {
    await start();
    await importStory(STORY);
    await rates();
    const health = await api!.get<{ info: { views: { position: string; eventsBehind: number } } }>('/health');
    expect(health.body.info.views).toMatchObject({ position: String(STORY.length), eventsBehind: 0 });
  });

  it('exports CSV for Dutch Excel when asked with Accept: text/csv', async () => {
    await start();
    await importStory(STORY);
    await rates();
    const response = await fetch(`${api!.base}/views/presence/rates`, {
      headers: { ...api!.auth, accept: 'text/csv' },
    });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="opkomst.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      'Partij / party;Partij-id / party id;Soort partij / party kind;Verwacht (collectief) / expected (collective);Aanwezig (collectief) / attended (collective);Opkomst / rate',
      'Gemeente Vaals;gemeente-vaals;municipality;2;1;0,5',
      'Bewonersinitiatief Vaals;initiatief-vaals;initiative;2;2;1',
      '',
    ]);
  });

  /** A GET as sent, without fetch's own decompression, to see the bytes that travel. */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{ headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) =>
      get(`${api!.base}${path}`, { agent: false, headers: { ...api!.auth, ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }));
      }).on('error', reject),
    );

  it('sends an answer gzipped to a client that takes gzip, and as it is to one that does not', async () => {
    await start();
    await importStory(STORY);
    await rates();
    for (const accept of ['application/json', 'text/csv']) {
      const plain = await raw('/views/timeline', { accept });
      const zipped = await raw('/views/timeline', { accept, 'accept-encoding': 'gzip, deflate, br' });
      const refused = await raw('/views/timeline', { accept, 'accept-encoding': 'gzip;q=0, br' });
      expect(plain.bytes.length).toBeGreaterThan(1024);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.bytes).toEqual(plain.bytes);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('accept, accept-encoding');
      expect(zipped.headers['content-type']).toBe(plain.headers['content-type']);
      expect(Number(zipped.headers['content-length'])).toBe(zipped.bytes.length);
      expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
      expect(gunzipSync(zipped.bytes)).toEqual(plain.bytes);
    }
    // Under a kilobyte the answer goes as it is.
    const small = await raw('/views/presence/rates', { 'accept-encoding': 'gzip' });
    expect(small.bytes.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.bytes.toString('utf8'))).toMatchObject({ view: 'presence-rates' });
  });

  it.each([
    ['asOf=gisteren', 'asOf'],
    ['knownAt=2024-02-30', 'knownAt'],
    ['minPosition=-1', 'minPosition'],
    ['kind=borrel', 'kind'],
    ['colour=red', 'colour'],
  ])('refuses ?%s with a 400 naming %s', async (query, field) => {
    await start();
    const answer = await api!.get<{ errors: { field: string }[] }>(`/views/presence?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e) => e.field)).toContain(field);
  });
});
