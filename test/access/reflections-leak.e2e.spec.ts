import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenStore, type TokenRecord } from '@samen/access';
import { runCli } from '../../apps/ledger-cli/src/run-cli';
import { freePort, spawnApp, waitUntilAnswering } from '../support/spawn-app';
import { writeFixture } from './fixture';
import { PROBES } from './probes';

const at = '2023-05-11T14:00:00+02:00';

/** Each reflection's words carry a marker of their own; its id is in lower case and says which it is. */
const marker = (id: string) => `MARKER-${id.toUpperCase()}-7c1e`;
const reflection = (
  reflectionId: string,
  byPartyId: string,
  subject: { kind: string; id: string },
  themes: string[],
  visibility?: object,
) => ({
  fact: 'ReflectionRecorded',
  reflectionId,
  programmeId: 'samen',
  subject,
  whatHappened: `${marker(reflectionId)} wat er gebeurde`,
  learned: `${marker(reflectionId)} wat we leerden`,
  themes,
  ...(visibility && { visibility }),
  byPartyId,
});

/**
 * Besides the access fixture: a second proeftuin (Kampen, with its initiative), a fund that
 * takes part by funding Vaals, and six reflections, one of each visibility, one of them
 * narrowed afterwards by a new fact.
 */
const MORE_FACTS = [
  { fact: 'PartyRegistered', partyId: 'initiatief-kampen', kind: 'initiative', name: 'Kampen Samen' },
  { fact: 'PartyRegistered', partyId: 'vsbfonds', kind: 'fund', name: 'VSBfonds' },
  {
    fact: 'SiteJoined',
    programmeId: 'samen',
    siteId: 'kampen',
    name: 'Proeftuin Kampen',
    gemeentePartyId: 'gemeente-kampen',
    initiativePartyIds: ['initiatief-kampen'],
    funded: true,
  },
  {
    fact: 'CommitmentMade',
    commitmentId: 'c-fonds',
    programmeId: 'samen',
    siteId: 'vaals',
    byPartyId: 'vsbfonds',
    responsiblePersonId: 'p-0003',
    toPartyIds: ['initiatief-vaals'],
    kind: 'fund',
    description: 'Bijdrage proeftuin Vaals',
    amountInCents: 1_000_000,
  },
  reflection('r-shared', 'initiatief-vaals', { kind: 'site', id: 'vaals' }, ['vertrouwen']),
  reflection('r-kampen-only', 'initiatief-vaals', { kind: 'meeting', id: 'm1' }, ['intervisie'], {
    kind: 'parties',
    partyIds: ['gemeente-kampen'],
  }),
  reflection('r-initiatives', 'initiatief-vaals', { kind: 'site', id: 'vaals' }, ['intervisie', 'vertrouwen'], {
    kind: 'initiatives',
  }),
  reflection('r-aggregate-site', 'initiatief-vaals', { kind: 'site', id: 'vaals' }, ['intervisie'], {
    kind: 'funders-aggregate',
  }),
  reflection('r-aggregate-programme', 'gemeente-vaals', { kind: 'programme', id: 'samen' }, ['geld'], {
    kind: 'funders-aggregate',
  }),
  reflection('r-narrowed', 'initiatief-vaals', { kind: 'commitment', id: 'c-vaals' }, ['vertrouwen']),
  {
    fact: 'VisibilityChanged',
    reflectionId: 'r-narrowed',
    visibility: { kind: 'initiatives' },
    reason: 'Toch liever onder initiatieven',
  },
];
const REFLECTIONS = MORE_FACTS.filter((fact) => fact.fact === 'ReflectionRecorded').map((f) => f.reflectionId!);
/** The access fixture's 18 facts (its one reflection, ref-vaals, shared and unmarked) and these 11. */
const HEAD = 29;

const READERS = [
  'programme-team',
  'initiatief-vaals',
  'gemeente-vaals',
  'gemeente-kampen',
  'initiatief-kampen',
  'vsbfonds',
  'evaluator',
  'anonymous',
] as const;
type Reader = (typeof READERS)[number];

/** Who reads which reflection's words, written out by hand from the design (docs/domain.md, issue 20). */
const MAY_READ: Record<Reader, readonly string[]> = {
  'programme-team': REFLECTIONS,
  // The author of all but one, and an initiative.
  'initiatief-vaals': REFLECTIONS,
  // A gemeente: the shared, the aggregate-only ones, and its own.
  'gemeente-vaals': ['r-shared', 'r-aggregate-site', 'r-aggregate-programme'],
  // The gemeente the one restriction names.
  'gemeente-kampen': ['r-shared', 'r-kampen-only', 'r-aggregate-site', 'r-aggregate-programme'],
  // Another initiative: also what is for initiatives only, the narrowed one included.
  'initiatief-kampen': ['r-shared', 'r-initiatives', 'r-aggregate-site', 'r-aggregate-programme', 'r-narrowed'],
  // A fund: the shared one; the aggregate-only ones as counts.
  vsbfonds: ['r-shared'],
  evaluator: ['r-shared', 'r-aggregate-site', 'r-aggregate-programme'],
  anonymous: [],
};

describe('reflections, each to the readers its visibility allows', () => {
  let dir: string;
  let base: string;
  let app: ReturnType<typeof spawnApp>;
  const tokens: Partial<Record<Reader, string>> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-reflections-'));
    process.env.LEDGER_DATA_DIR = dir;
    const more = join(dir, 'reflections.facts');
    writeFileSync(more, MORE_FACTS.map((fact) => JSON.stringify({ ...fact, occurredAt: at })).join('\n'));
    for (const file of [writeFixture(dir), more]) {
      expect(
        await runCli(
          ['facts', 'import', file],
          () => undefined,
          () => undefined,
        ),
      ).toBe(0);
    }
    const store = new TokenStore(join(dir, 'access.db'));
    const issue = (name: Reader, principal: TokenRecord['principal']) =>
      (tokens[name] = store.issue(principal, name, 1).token);
    issue('programme-team', { kind: 'programme-team', id: 'kernteam' });
    issue('evaluator', { kind: 'evaluator', id: 'evaluator' });
    for (const partyId of [
      'initiatief-vaals',
      'gemeente-vaals',
      'gemeente-kampen',
      'initiatief-kampen',
      'vsbfonds',
    ] as const) {
      issue(partyId, { kind: 'party-member', id: `lid-${partyId}`, partyId });
    }
    store.close();
    const port = freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawnApp('ledger-api', [], { LEDGER_DATA_DIR: dir, PORT: port, LOG_LEVEL: 'trace' });
    await waitUntilAnswering(`${base}/health`);
    const caughtUp = await ask(`/views/presence?minPosition=${HEAD}`, 'programme-team');
    expect(caughtUp.status).toBe(200);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (path: string, who: Reader, accept = 'application/json', body?: object) => {
    const token = tokens[who];
    const headers: Record<string, string> = { accept, ...(token && { authorization: `Bearer ${token}` }) };
    const response = await fetch(`${base}${path}`, {
      ...(body && { method: 'POST', body: JSON.stringify(body) }),
      headers: { ...headers, ...(body && { 'content-type': 'application/json' }) },
    });
    return { status: response.status, text: await response.text() };
  };
  const markersIn = (text: string) => REFLECTIONS.filter((id) => text.includes(marker(id)));

  it.each(READERS)('%s reads, as JSON and as CSV, the words of exactly the reflections it may', async (who) => {
    for (const accept of ['application/json', 'text/csv']) {
      const answer = await ask('/views/reflections', who, accept);
      expect({ accept, status: answer.status }).toEqual({ accept, status: who === 'anonymous' ? 401 : 200 });
      expect({ accept, markers: markersIn(answer.text) }).toEqual({ accept, markers: [...MAY_READ[who]] });
    }
  });

  it.each(READERS.filter((who) => who !== 'programme-team' && who !== 'initiatief-vaals'))(
    '%s finds no word it may not read through any route, answered or refused',
    async (who) => {
      const paths = [
        ...Object.values(PROBES).map((probe) => ({ path: probe.path, body: probe.body })),
        ...REFLECTIONS.map((id) => ({ path: `/history/reflection/${id}`, body: undefined })),
        { path: '/views/reflections/counts', body: undefined },
        { path: '/views/reflections?siteId=vaals', body: undefined },
        { path: '/views/reflections?programmeId=samen&asOf=2023-06-01', body: undefined },
      ];
      for (const { path, body } of paths) {
        for (const accept of ['application/json', 'text/csv']) {
          const { text } = await ask(path, who, accept, body);
          const unreadable = markersIn(text).filter((id) => !MAY_READ[who].includes(id));
          expect({ path, accept, unreadable }).toEqual({ path, accept, unreadable: [] });
        }
      }
    },
  );

  it("gives a fund the counts of what it may count, equal to a hand count, and no reflection's id, words or author", async () => {
    const counts = await ask('/views/reflections/counts', 'vsbfonds');
    expect(counts.status).toBe(200);
    // By hand: the fixture's ref-vaals (vaals; vergaderen), r-shared (vaals; vertrouwen),
    // r-aggregate-site (vaals; intervisie), r-aggregate-programme (no site; geld). Not the
    // restricted, initiatives-only or narrowed ones.
    expect(JSON.parse(counts.text)).toMatchObject({
      view: 'reflection-counts',
      total: 4,
      byTheme: [
        { key: 'geld', count: 1 },
        { key: 'intervisie', count: 1 },
        { key: 'vergaderen', count: 1 },
        { key: 'vertrouwen', count: 1 },
      ],
      bySite: [{ key: 'vaals', count: 3 }],
    });
    const csv = await ask('/views/reflections/counts', 'vsbfonds', 'text/csv');
    expect(csv.text).toContain('totaal / total;;4');
    expect(csv.text).toContain('proeftuin / site;vaals;3');
    for (const answer of [counts.text, csv.text, (await ask('/views/reflections', 'vsbfonds')).text]) {
      expect(REFLECTIONS.filter((id) => id !== 'r-shared' && answer.includes(id))).toEqual([]);
    }
    const list = JSON.parse((await ask('/views/reflections', 'vsbfonds')).text) as { reflections: object[] };
    expect(list.reflections.map((r) => (r as { reflectionId: string }).reflectionId)).toEqual([
      'ref-vaals',
      'r-shared',
    ]);
  });

  it('counts for everyone else only what they read', async () => {
    const counts = JSON.parse((await ask('/views/reflections/counts', 'gemeente-kampen')).text) as { total: number };
    // What it reads of the marked ones, and the fixture's shared ref-vaals.
    expect(counts.total).toBe(MAY_READ['gemeente-kampen'].length + 1);
  });

  it('keeps what one reader was answered from the next, whose answer differs', async () => {
    // Asked in turn with the same question: an answer remembered for one class is never another's.
    for (const who of ['programme-team', 'vsbfonds', 'initiatief-kampen', 'vsbfonds', 'programme-team'] as const) {
      expect(markersIn((await ask('/views/reflections?programmeId=samen', who)).text)).toEqual([...MAY_READ[who]]);
    }
  });

  it('refuses bad visibilities and subjects naming the field, and writes nothing', async () => {
    const body = {
      programmeId: 'samen',
      subject: { kind: 'site', id: 'vaals' },
      whatHappened: `${marker('r-refused')} gebeurd`,
      learned: 'geleerd',
      themes: [],
      byPartyId: 'initiatief-vaals',
    };
    const refusals: [object, number, string][] = [
      [{ visibility: { kind: 'everyone' } }, 400, 'visibility'],
      [{ visibility: { kind: 'parties', partyIds: [] } }, 400, 'visibility'],
      [{ visibility: { kind: 'parties' } }, 400, 'visibility'],
      [{ visibility: { kind: 'shared', partyIds: ['gemeente-kampen'] } }, 400, 'visibility'],
      [{ visibility: { kind: 'parties', partyIds: ['gemeente-nergens'] } }, 400, 'visibility.partyIds'],
      [{ subject: undefined }, 400, 'subject'],
      [{ subject: { kind: 'street', id: 'x' } }, 400, 'subject'],
      [{ subject: { kind: 'meeting', id: 'm-nergens' } }, 404, 'meeting-not-found'],
      [{ subject: { kind: 'site', id: 'nergens' } }, 404, 'site-not-found'],
    ];
    for (const [change, status, named] of refusals) {
      const answer = await ask('/reflections', 'initiatief-vaals', 'application/json', { ...body, ...change });
      expect({ change, status: answer.status }).toEqual({ change, status });
      expect(answer.text).toContain(named);
      expect(answer.text).not.toContain(marker('r-refused'));
    }
    const head = await ask(`/views/reflections?minPosition=${HEAD}`, 'programme-team');
    expect(markersIn(head.text)).toEqual(REFLECTIONS);
    const chain = JSON.parse((await ask('/audit/chain', 'programme-team')).text) as { headPosition: string };
    expect(chain.headPosition).toBe(`${HEAD}`);
  });

  it('lets a party record its own reflection and narrow it later, both as new facts', async () => {
    const recorded = await ask('/reflections', 'gemeente-kampen', 'application/json', {
      reflectionId: 'r-kampen-eigen',
      programmeId: 'samen',
      subject: { kind: 'site', id: 'kampen' },
      whatHappened: 'Vier ambtenaren vertrokken binnen drie maanden',
      learned: 'Overdrachten vastleggen',
      themes: ['continuiteit'],
      byPartyId: 'gemeente-kampen',
    });
    expect(recorded.status).toBe(201);
    const narrowed = await ask('/reflections/r-kampen-eigen/visibility', 'gemeente-kampen', 'application/json', {
      visibility: { kind: 'parties', partyIds: ['gemeente-kampen'] },
      reason: 'Alleen voor onszelf',
    });
    expect(narrowed.status).toBe(201);
    const { position } = JSON.parse(narrowed.text) as { position: string };
    const others = await ask(`/views/reflections?minPosition=${position}`, 'initiatief-kampen');
    expect(others.text).not.toContain('r-kampen-eigen');
    const own = await ask(`/views/reflections?minPosition=${position}`, 'gemeente-kampen');
    expect(own.text).toContain('Vier ambtenaren vertrokken');
    const notTheirs = await ask('/reflections/r-kampen-eigen/visibility', 'initiatief-vaals', 'application/json', {
      visibility: { kind: 'shared' },
      reason: 'Wij willen het lezen',
    });
    expect(notTheirs.status).toBe(403);
  });

  it('never logs a word, at the most talkative level', async () => {
    app.kill('SIGTERM');
    const { stdout, stderr } = await app.finished;
    expect(stdout.length).toBeGreaterThan(0);
    expect(markersIn(stdout + stderr)).toEqual([]);
    expect(stdout + stderr).not.toContain(marker('r-refused'));
  });
});
