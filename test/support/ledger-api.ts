import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@samen/event-store';
import { type AccessTokens, TOKEN_STORE, type TokenRecord } from '@samen/access';
import { createApp } from '../../apps/ledger-api/src/create-app';

export interface Answer<Body = Record<string, unknown>> {
  readonly status: number;
  readonly body: Body;
  readonly contentType: string | null;
}

/** A real ledger-api on a random loopback port, with a fresh embedded store of its own. */
export interface LedgerApi {
  readonly app: NestFastifyApplication;
  readonly base: string;
  readonly store: EventStore;
  post<Body = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<Body>>;
  get<Body = Record<string, unknown>>(path: string, headers?: Record<string, string>): Promise<Answer<Body>>;
  /** A bearer token for a principal, issued as `ledger-cli token issue` would (embedded access file only). */
  tokenFor(principal: TokenRecord['principal']): string;
  /** The same on any access store: on PostgreSQL an issue resolves once it is committed. */
  issueToken(principal: TokenRecord['principal']): Promise<string>;
  /** The Authorization header of the programme team token every request carries by default. */
  readonly auth: Record<string, string>;
  /** Every event in the store after a position, in order. */
  eventsAfter(position: bigint | undefined): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/**
 * `shareDataDir`: run beside another instance on the same store file (as a second process would).
 * `eventStoreUrl`: keep the events on that server instead, and the tokens and sessions beside them
 * (the views stay in the data folder).
 */
export async function startLedgerApi(
  options: { shareDataDir?: string; eventStoreUrl?: string } = {},
): Promise<LedgerApi & { dataDir: string }> {
  const dir = options.shareDataDir ?? mkdtempSync(join(tmpdir(), 'samen-ledger-e2e-'));
  process.env.LEDGER_DATA_DIR = dir;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  if (options.eventStoreUrl) process.env.LEDGER_EVENT_STORE_URL = options.eventStoreUrl;
  const app: NestFastifyApplication = await createApp()
    .catch((error: unknown) => {
      // A start that is refused (a newer schema, say) leaves no folder of its own behind.
      if (!options.shareDataDir) rmSync(dir, { recursive: true, force: true });
      throw error;
    })
    .finally(() => delete process.env.LEDGER_EVENT_STORE_URL);
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const store = app.get<EventStore>(EVENT_STORE);
  const tokens = app.get<AccessTokens>(TOKEN_STORE);
  const issueToken = async (principal: TokenRecord['principal']) => (await tokens.issue(principal, 'e2e', 1)).token;
  const tokenFor = (principal: TokenRecord['principal']) => {
    const issued = tokens.issue(principal, 'e2e', 1);
    if (issued instanceof Promise) throw new Error('tokenFor needs the embedded access file: use issueToken');
    return issued.token;
  };
  const auth = { authorization: `Bearer ${await issueToken({ kind: 'programme-team', id: 'e2e-kernteam' })}` };
  const answer = async <Body>(response: Response): Promise<Answer<Body>> => {
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as Body,
      contentType: response.headers.get('content-type'),
    };
  };
  return {
    app,
    base,
    store,
    post: async (path, body, headers = {}) =>
      answer(
        await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth, ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    get: async (path, headers = {}) => answer(await fetch(`${base}${path}`, { headers: { ...auth, ...headers } })),
    tokenFor,
    issueToken,
    auth,
    eventsAfter: async (position) => {
      const events: RecordedEvent[] = [];
      for (let page = await store.readAll({ after: position, maxCount: 1000 }); page.length > 0;) {
        events.push(...page);
        page = await store.readAll({ after: page[page.length - 1].position, maxCount: 1000 });
      }
      return events;
    },
    dataDir: dir,
    close: async () => {
      await app.close();
      if (!options.shareDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
