import { Client } from 'pg';
import { PostgresAccess } from '@samen/access';
import { PostgresEventStore, StoreUnreachableError } from '@samen/event-store';
import { asOperatorOn, describeWithPostgres } from '../support/postgres-cluster';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tokens and browser sessions in the event store's PostgreSQL database (ADR 0008,
 * addendum): every instance holds them in memory, kept current by NOTIFY and a poll, and
 * refuses to answer from memory older than its bound.
 */
describeWithPostgres('access tokens and sessions in PostgreSQL', (cluster) => {
  let url: string;
  const opened: PostgresAccess[] = [];
  const open = async (options: { pollMs?: number; maxStaleMs?: number } = {}) => {
    const access = await PostgresAccess.open({ connectionString: url, ...options });
    opened.push(access);
    return access;
  };
  const asOperator = <T>(work: (client: Client) => Promise<T>) => asOperatorOn(url, work);

  beforeEach(async () => {
    url = await cluster().newDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((access) => access.close()));
  });

  it('shares browser sessions and their CSRF secret between instances; a session ended on one is ended on the other', async () => {
    const [a, b] = [await open(), await open()];
    const { record } = await a.tokens.issue({ kind: 'evaluator', id: 'evaluator' }, 'sessie', 1);
    const { sessionId } = await a.sessions.start(record);

    await b.refresh();
    expect(b.sessions.check(sessionId)).toEqual({ tokenId: record.tokenId, expiresAt: expect.any(String) });
    expect(b.sessions.csrfTokenFor(sessionId)).toBe(a.sessions.csrfTokenFor(sessionId));
    await a.sessions.end(sessionId);
    expect(a.sessions.check(sessionId)).toBeUndefined();
    await b.refresh();
    expect(b.sessions.check(sessionId)).toBeUndefined();
  });

  it('notices a change that sent no notification (an operator’s UPDATE) within its poll interval', async () => {
    const access = await open({ pollMs: 100 });
    const { token, record } = await access.tokens.issue({ kind: 'evaluator', id: 'evaluator' }, 'handmatig', 1);
    expect(access.tokens.check(token).ok).toBe(true);

    await asOperator((client) =>
      client.query(
        `UPDATE samen_ledger.access_tokens SET revoked_at = $1, changed = nextval('samen_ledger.access_changes')
         WHERE token_id = $2`,
        [new Date().toISOString(), record.tokenId],
      ),
    );
    await sleep(300);

    expect(access.tokens.check(token)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('refuses to check a token while the database has been away longer than its bound, and checks again once it is back', async () => {
    const access = await open({ pollMs: 50, maxStaleMs: 400 });
    const { token } = await access.tokens.issue({ kind: 'evaluator', id: 'evaluator' }, 'weg', 1);

    await cluster().crash();
    try {
      await sleep(700);
      expect(() => access.tokens.check(token)).toThrow(StoreUnreachableError);
      expect(() => access.tokens.list()).toThrow(/last read from PostgreSQL .* s ago/);
    } finally {
      await cluster().restart();
    }
    await access.refresh();

    expect(access.tokens.check(token).ok).toBe(true);
  });

  it('adds the access tables to a database of schema 1, leaving its events untouched', async () => {
    const store = await PostgresEventStore.open({ connectionString: url });
    await store.append(
      'party-gemeente-vaals',
      [
        {
          type: 'PartyRegistered',
          data: { name: 'Gemeente Vaals' },
          metadata: { occurredAt: '2022-12-01T10:00:00+01:00' },
        },
      ],
      'no_stream',
    );
    await store.close();
    await asOperator(async (client) => {
      await client.query(
        'DROP TABLE samen_ledger.access_tokens, samen_ledger.access_sessions, samen_ledger.access_secrets',
      );
      await client.query('DROP SEQUENCE samen_ledger.access_changes');
      await client.query('UPDATE samen_ledger.schema_version SET version = 1');
    });

    const access = await open();
    await access.tokens.issue({ kind: 'evaluator', id: 'evaluator' }, 'na de upgrade', 1);

    const versions = await asOperator((client) => client.query('SELECT version FROM samen_ledger.schema_version'));
    expect(versions.rows).toEqual([{ version: 2 }]);
    const reopened = await PostgresEventStore.open({ connectionString: url });
    expect(await reopened.verifyChain()).toMatchObject({ intact: true });
    await reopened.close();
  });
});
