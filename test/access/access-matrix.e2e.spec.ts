import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_STORE, type TokenRecord, type TokenStore } from '@samen/access';
import { importFactsFile } from '../../apps/ledger-api/src/facts-import/import-facts';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';
import { writeFixture } from './fixture';
import { PROBES, type Expected } from './probes';
import { declaredRoutes } from './routes';

type Who = 'anonymous' | 'programme-team' | 'evaluator' | 'own party' | 'other party' | 'revoked' | 'expired';
const EVERYONE: Who[] = ['anonymous', 'programme-team', 'evaluator', 'own party', 'other party', 'revoked', 'expired'];

/**
 * Let in (the request reaches validation and the handler), sent to the sign-in page (a web
 * page asked with a bearer token or none), or the status that refuses it.
 */
function expectedFor(expected: Expected, who: Who): 'let in' | 'sign-in' | 401 | 403 {
  if (who === 'revoked' || who === 'expired') return 401;
  if (expected === 'web') return 'sign-in';
  if (expected === 'web-form') return 403;
  if (expected === 'public' || who === 'programme-team') return 'let in';
  if (who === 'anonymous') return 401;
  switch (expected) {
    case 'views':
      return 'let in';
    case 'any-party':
      return who === 'evaluator' ? 403 : 'let in';
    case 'audit':
    case 'programme-team':
      return 403;
    default:
      return who === 'own party' ? 'let in' : 403;
  }
}

describe('who may call which route', () => {
  let api: LedgerApi;
  let dir: string;
  const tokens: Partial<Record<string, string>> = {};

  beforeAll(async () => {
    api = await startLedgerApi();
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-access-'));
    await importFactsFile(api.app, writeFixture(dir));
    const store = api.app.get<TokenStore>(TOKEN_STORE);
    const issue = (principal: TokenRecord['principal'], now?: Date) => store.issue(principal, 'matrix', 1, now);
    tokens['programme-team'] = issue({ kind: 'programme-team', id: 'kernteam' }).token;
    tokens.evaluator = issue({ kind: 'evaluator', id: 'evaluator' }).token;
    for (const party of ['gemeente-vaals', 'initiatief-vaals', 'gemeente-kampen']) {
      tokens[party] = issue({ kind: 'party-member', id: `lid-${party}`, partyId: party }).token;
    }
    const revoked = issue({ kind: 'programme-team', id: 'vertrokken' });
    store.revoke(revoked.record.tokenId);
    tokens.revoked = revoked.token;
    tokens.expired = issue({ kind: 'programme-team', id: 'verlopen' }, new Date(Date.now() - 3 * 86_400_000)).token;
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a declaration on every route, and a probe here for each of them', () => {
    const routes = declaredRoutes(api.app);
    expect(routes.filter((r) => !r.declaration).map((r) => r.route)).toEqual([]);
    expect(routes.map((r) => r.route).sort()).toEqual(Object.keys(PROBES).sort());
  });

  const cases = Object.entries(PROBES).flatMap(([route, probe]) =>
    EVERYONE.map((who) => [route, who, expectedFor(probe.expected, who), probe] as const),
  );

  it.each(cases)('%s as %s: %s', async (_route, who, expected, probe) => {
    const ownParty = typeof probe.expected === 'object' ? probe.expected.own : 'gemeente-vaals';
    const token =
      who === 'anonymous'
        ? undefined
        : who === 'own party'
          ? tokens[ownParty]
          : who === 'other party'
            ? tokens['gemeente-kampen']
            : tokens[who];
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response = probe.body
      ? await fetch(`${api.base}${probe.path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(probe.body),
        })
      : await fetch(`${api.base}${probe.path}`, { headers });
    if (expected === 'let in') expect([401, 403]).not.toContain(response.status);
    else if (expected === 'sign-in') expect(new URL(response.url).pathname).toBe('/app/inloggen');
    else {
      expect(response.status).toBe(expected);
      if (expected === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('writes nothing while probing', async () => {
    const before = await api.store.headPosition();
    expect(before).toBe(18n);
  });
});
