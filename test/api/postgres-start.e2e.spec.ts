import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithPostgres } from '../support/postgres-cluster';
import { freePort, spawnApp, waitUntilAnswering } from '../support/spawn-app';

/** The service started before its database, as happens when both start with the machine. */
describeWithPostgres('ledger-api starting before its PostgreSQL server', (cluster) => {
  it('says it cannot reach the database, waits with back-off, and starts once the server is up', async () => {
    const url = await cluster().newDatabase();
    await cluster().crash();
    const dataDir = mkdtempSync(join(tmpdir(), 'samen-ledger-pg-start-'));
    const port = freePort();
    const app = spawnApp('ledger-api', [], {
      LEDGER_DATA_DIR: dataDir,
      // A password (the test server does not ask for one) that must never be printed.
      LEDGER_EVENT_STORE_URL: url.replace('//ledger@', '//ledger:geheim@'),
      PORT: port,
    });
    let output = '';
    app.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(
        () =>
          /^samen-ledger is waiting for its event store: PostgreSQL at .* cannot be used: .*; trying again in 0\.5 s$/m.test(
            output,
          ),
        30_000,
      );
      await cluster().restart();
      await waitUntilAnswering(`http://127.0.0.1:${port}/health`, 30_000);

      const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();

      expect(health).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up', adapter: 'postgres' } } });
      expect(output).not.toContain('geheim');
    } finally {
      app.kill('SIGKILL');
      await app.finished;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
