import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenStore, type TokenRecord } from '@samen/access';
import { runCli } from '../../apps/ledger-cli/src/run-cli';
import { freePort, spawnApp, waitUntilAnswering } from '../support/spawn-app';
import { SECRET_NOTE, writeFixture } from './fixture';
import { PROBES } from './probes';

/**
 * A handover note is restricted: the programme team and the gemeente it is about may read
 * it, nobody else. Planted in the fixture, it must not appear in any answer (JSON or CSV,
 * success or error) to anyone else, nor in a single line the service logs.
 */
describe('restricted handover notes', () => {
  let dir: string;
  let base: string;
  let app: ReturnType<typeof spawnApp>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-leak-'));
    process.env.LEDGER_DATA_DIR = dir;
    expect(
      await runCli(
        ['facts', 'import', writeFixture(dir)],
        () => undefined,
        () => undefined,
      ),
    ).toBe(0);
    const store = new TokenStore(join(dir, 'access.db'));
    const issue = (name: string, principal: TokenRecord['principal']) =>
      (tokens[name] = store.issue(principal, name, 1).token);
    issue('programme-team', { kind: 'programme-team', id: 'kernteam' });
    issue('evaluator', { kind: 'evaluator', id: 'evaluator' });
    issue('gemeente-kampen', { kind: 'party-member', id: 'lid-kampen', partyId: 'gemeente-kampen' });
    issue('initiatief-vaals', { kind: 'party-member', id: 'lid-initiatief', partyId: 'initiatief-vaals' });
    store.close();
    const port = freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawnApp('ledger-api', [], { LEDGER_DATA_DIR: dir, PORT: port, LOG_LEVEL: 'trace' });
    await waitUntilAnswering(`${base}/health`);
    const caughtUp = await fetch(`${base}/views/presence?minPosition=17`, {
      headers: { authorization: `Bearer ${tokens['programme-team']}` },
    });
    expect(caughtUp.status).toBe(200);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (path: string, token: string | undefined, accept = 'application/json', body?: object) => {
    const headers: Record<string, string> = { accept, ...(token && { authorization: `Bearer ${token}` }) };
    const response = await fetch(`${base}${path}`, {
      ...(body && { method: 'POST', body: JSON.stringify(body) }),
      headers: { ...headers, ...(body && { 'content-type': 'application/json' }) },
    });
    return { status: response.status, text: await response.text() };
  };

  it('is there for the programme team, so the checks below could fail', async () => {
    const history = await ask('/history/role/r-vaals', tokens['programme-team']);
    expect(history.status).toBe(200);
    expect(history.text).toContain(SECRET_NOTE);
  });

  it.each(['evaluator', 'gemeente-kampen', 'initiatief-vaals', 'anonymous'])(
    'never reaches %s through any route, as JSON or CSV, answered or refused',
    async (who) => {
      const token = tokens[who];
      for (const probe of Object.values(PROBES)) {
        for (const accept of ['application/json', 'text/csv']) {
          const { text } = await ask(probe.path, token, accept, probe.body);
          expect({ path: probe.path, accept, leaked: text.includes(SECRET_NOTE) }).toEqual({
            path: probe.path,
            accept,
            leaked: false,
          });
        }
      }
      // A handover posted with the note by someone who may not: refused without echoing it.
      const refused = await ask('/roles/r-vaals/handovers', token, 'application/json', { note: SECRET_NOTE });
      expect(refused.text).not.toContain(SECRET_NOTE);
    },
  );

  it('never reaches the log, at the most talkative level', async () => {
    app.kill('SIGTERM');
    const { stdout, stderr } = await app.finished;
    expect(stdout.length).toBeGreaterThan(0);
    expect(stdout + stderr).not.toContain(SECRET_NOTE);
  });
});
