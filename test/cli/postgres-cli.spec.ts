import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@samen/event-store';
import { capturedCli } from '../support/cli';
import { describeWithPostgres } from '../support/postgres-cluster';

/** The operator commands with LEDGER_EVENT_STORE_URL=postgres://…: the same answers as on the embedded store. */
describeWithPostgres('ledger-cli on PostgreSQL', (cluster) => {
  const cli = capturedCli();
  const { out } = cli;
  let url: string;
  let dir: string;
  let head: string;

  beforeAll(async () => {
    url = await cluster().newDatabase();
    const store = await PostgresEventStore.open({ connectionString: url });
    const registered = (name: string) => ({
      type: 'PartyRegistered',
      data: { name },
      metadata: { occurredAt: '2022-12-01T10:00:00+01:00' },
    });
    await store.append('party-gemeente-vaals', [registered('Gemeente Vaals')], 'no_stream');
    head = (await store.append('party-oranje-fonds', [registered('Oranje Fonds')], 'no_stream')).position.toString();
    await store.close();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-cli-pg-'));
    process.env.LEDGER_DATA_DIR = dir;
    process.env.LEDGER_EVENT_STORE_URL = url;
    cli.clear();
  });
  afterEach(() => {
    delete process.env.LEDGER_DATA_DIR;
    delete process.env.LEDGER_EVENT_STORE_URL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('store info names the PostgreSQL adapter, the server without credentials, and the head position', async () => {
    expect(await cli('store', 'info')).toBe(0);
    expect(out.map((line) => JSON.parse(line))).toEqual([
      { adapter: 'postgres', location: url.replace('//ledger@', '//***@'), headPosition: head },
    ]);
  });

  it('verify walks the chain in the database and reports it intact with the head hash', async () => {
    expect(await cli('verify')).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(new RegExp(`^intact: 2 events, head position ${head}, head hash [0-9a-f]{64}$`)),
    ]);
  });

  it('token issue, list and revoke keep the tokens in the database, where every instance reads them', async () => {
    expect(await cli('token', 'issue', '--kind', 'evaluator', '--label', 'evaluatie 2026')).toBe(0);
    const tokenId = /^id: (\S+)/.exec(out[1])![1];
    // Another data folder, as on another machine: the same tokens.
    rmSync(dir, { recursive: true, force: true });
    cli.clear();
    expect(await cli('token', 'list')).toBe(0);
    expect(out).toEqual([expect.stringMatching(new RegExp(`^${tokenId}  evaluator  "evaluatie 2026"  valid until `))]);
    cli.clear();
    expect(await cli('token', 'revoke', tokenId)).toBe(0);
    cli.clear();
    expect(await cli('token', 'list')).toBe(0);
    expect(out).toEqual([expect.stringMatching(/"evaluatie 2026" {2}revoked /)]);
    expect(existsSync(join(dir, 'access.db'))).toBe(false);
  });
});
