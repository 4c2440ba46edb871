import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFactsFile } from '../../apps/ledger-api/src/facts-import/import-facts';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';
import { signInAsBrowser } from '../support/web-sign-in';

/**
 * Two programmes in one ledger. Gemeente Vaals takes part in "samen" only (its site), the
 * fund in both (a commitment in each). By hand: Vaals's member may ask about "samen" and
 * not about "noord"; the fund's member about both; the programme team about everything.
 */
const STORY = [
  { fact: 'ProgrammeLaunched', programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' },
  { fact: 'ProgrammeLaunched', programmeId: 'noord', name: 'Programma Noord', startsOn: '2023-01-01' },
  { fact: 'PartyRegistered', partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' },
  { fact: 'PartyRegistered', partyId: 'initiatief-vaals', kind: 'initiative', name: 'Vaals Verbindt' },
  { fact: 'PartyRegistered', partyId: 'gemeente-assen', kind: 'municipality', name: 'Gemeente Assen' },
  { fact: 'PartyRegistered', partyId: 'initiatief-assen', kind: 'initiative', name: 'Assen Samen' },
  { fact: 'PartyRegistered', partyId: 'fonds-doen', kind: 'fund', name: 'Stichting DOEN' },
  { fact: 'PartyRegistered', partyId: 'welzijn-nieuw', kind: 'welfare-organisation', name: 'Welzijn Nieuw' },
  { fact: 'PersonRegistered', personId: 'p-0001', name: 'Mira Voorbeeld' },
  ...[
    ['samen', 'vaals', 'gemeente-vaals', 'initiatief-vaals'],
    ['noord', 'assen', 'gemeente-assen', 'initiatief-assen'],
  ].flatMap(([programmeId, siteId, gemeente, initiative]) => [
    {
      fact: 'SiteJoined',
      programmeId,
      siteId,
      name: `Proeftuin ${siteId}`,
      gemeentePartyId: gemeente,
      initiativePartyIds: [initiative],
      funded: true,
    },
    {
      fact: 'CommitmentMade',
      commitmentId: `c-doen-${siteId}`,
      programmeId,
      siteId,
      byPartyId: 'fonds-doen',
      responsiblePersonId: 'p-0001',
      toPartyIds: [initiative],
      kind: 'fund',
      description: `Bijdrage aan ${siteId}`,
      amountInCents: 500_000,
    },
  ]),
].map((fact) => JSON.stringify({ ...fact, occurredAt: '2023-06-15T18:00:00+01:00' }));

describe('a member of a party reads the programmes its party takes part in', () => {
  let api: LedgerApi;
  let dir: string;
  let as: (partyId: string) => Record<string, string>;

  beforeAll(async () => {
    api = await startLedgerApi();
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-scope-'));
    writeFileSync(join(dir, 'story.facts'), STORY.join('\n'));
    await importFactsFile(api.app, join(dir, 'story.facts'));
    await api.get(`/views/timeline?minPosition=${STORY.length}&limit=1`);
    as = (partyId) => ({
      authorization: `Bearer ${api.tokenFor({ kind: 'party-member', id: `lid-${partyId}`, partyId })}`,
    });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a gemeente ask about its own programme', async () => {
    const answer = await api.get<{ rates: { partyId: string }[] }>(
      '/views/presence/rates?programmeId=samen',
      as('gemeente-vaals'),
    );
    expect(answer.status).toBe(200);
  });

  it('refuses a gemeente a programme its party takes no part in, in every view', async () => {
    for (const path of [
      '/views/presence',
      '/views/commitments',
      '/views/money',
      '/views/continuity',
      '/views/handovers',
      '/views/timeline',
    ]) {
      expect({ path, status: (await api.get(`${path}?programmeId=noord`, as('gemeente-vaals'))).status }).toEqual({
        path,
        status: 403,
      });
    }
  });

  it('asks a gemeente to name its programme where the ledger holds others, listing the one it may ask about', async () => {
    const answer = await api.get<{ status: number; errors: { field: string; message: string }[] }>(
      '/views/commitments',
      as('gemeente-vaals'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'programmeId', message: expect.stringContaining('one of samen') }]);
  });

  it('refuses a gemeente one commitment of another programme, and gives it one of its own', async () => {
    expect((await api.get('/views/commitments/c-doen-assen', as('gemeente-vaals'))).status).toBe(403);
    expect((await api.get('/views/commitments/c-doen-vaals', as('gemeente-vaals'))).status).toBe(200);
  });

  it('lets a fund with commitments in both programmes read both', async () => {
    for (const programmeId of ['samen', 'noord']) {
      expect((await api.get(`/views/money?programmeId=${programmeId}`, as('fonds-doen'))).status).toBe(200);
    }
  });

  it('leaves the programme team and evaluators every programme, named or not', async () => {
    const evaluator = { authorization: `Bearer ${api.tokenFor({ kind: 'evaluator', id: 'evaluator' })}` };
    expect((await api.get('/views/commitments')).status).toBe(200);
    expect((await api.get('/views/commitments?programmeId=noord', evaluator)).status).toBe(200);
  });

  it('keeps a gemeente’s web pages to its programme: it lands there, and another programme is refused', async () => {
    const code = as('gemeente-vaals').authorization.replace('Bearer ', '');
    const cookie = await signInAsBrowser(api.base, code);
    const page = (path: string) => fetch(`${api.base}${path}`, { headers: { cookie }, redirect: 'manual' });
    const overview = await page('/app');
    const html = await overview.text();
    expect(overview.status).toBe(200);
    expect(html).toContain('Overzicht: Programma SAMEN');
    expect(html).not.toContain('Programma Noord');
    expect((await page('/app/afspraken?programmeId=noord')).status).toBe(403);
    const download = await page('/app/download/afspraken?programmeId=noord');
    expect(download.status).toBe(403);
  });

  it('refuses a gemeente one commitment of another programme on the web page too, as if it did not exist', async () => {
    const cookie = await signInAsBrowser(api.base, as('gemeente-vaals').authorization.replace('Bearer ', ''));
    const page = (path: string) => fetch(`${api.base}${path}`, { headers: { cookie }, redirect: 'manual' });
    expect((await page('/app/afspraken/c-doen-assen')).status).toBe(404);
    expect((await page('/app/afspraken/c-doen-vaals')).status).toBe(200);
    expect((await page('/app/vastleggen/nakomen?subject=c-doen-assen')).status).toBe(404);
  });

  it('shows a party that takes part in no programme yet no programme at all', async () => {
    const cookie = await signInAsBrowser(api.base, as('welzijn-nieuw').authorization.replace('Bearer ', ''));
    const overview = await fetch(`${api.base}/app`, { headers: { cookie }, redirect: 'manual' });
    expect(overview.status).toBe(403);
    expect(await overview.text()).not.toContain('Programma SAMEN</h1>');
  });

  it('keeps a form opened on the second programme about that programme, also when it comes back with an error', async () => {
    const kernteam = api.auth.authorization.replace('Bearer ', '');
    const cookie = await signInAsBrowser(api.base, kernteam);
    const form = await (
      await fetch(`${api.base}/app/vastleggen/toezegging?programmeId=noord`, { headers: { cookie } })
    ).text();
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form)?.[1] ?? '';
    const action =
      /<form method="post" action="([^"]+)" class="ledger-form"/.exec(form)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(action).toContain('programmeId=noord');
    const before = await api.store.headPosition();
    const answer = await fetch(`${api.base}${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrf: hidden('csrf'),
        idempotencyKey: hidden('idempotencyKey'),
        byPartyId: 'gemeente-assen',
        responsiblePersonId: '',
        toPartyIds: 'initiatief-assen',
        kind: 'support',
        description: 'Ondersteuning bij de wijkagenda',
      }).toString(),
    });
    // The responsible person is required: the form says so, records nothing, and is still the second programme's.
    const page = await answer.text();
    expect(answer.status).toBe(400);
    expect(page).toContain('Vul verantwoordelijke in.');
    expect(page).toContain('Proeftuin assen');
    expect(page).not.toContain('Proeftuin vaals');
    expect(await api.store.headPosition()).toBe(before);
  });
});
