import { performance } from 'node:perf_hooks';
import { PostgresAccess } from '@samen/access';
import {
  PostgresEventStore,
  StoreUnreachableError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '@samen/event-store';
import { findPostgresBinaries, POSTGRES_INSTALL_HINT } from '../support/postgres-cluster';
import { startReplicatedPair, type ReplicatedPair } from '../support/postgres-replication';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CLIENTS = 6;

/**
 * A primary with a synchronous streaming-replication standby; clients append through two
 * stores (as two API instances) on a connection string that names both hosts; the primary
 * is killed with SIGKILL while they write, the standby promoted, and the stores move to it
 * by themselves. Nothing acknowledged is lost, nothing is written twice, the chain verifies.
 */
const bin = findPostgresBinaries();
const describeWithBinaries = bin ? describe : process.env.CI ? describe : describe.skip;
if (!bin && !process.env.CI) {
  process.stdout.write(`PostgreSQL failover: skipped, PostgreSQL is not installed; ${POSTGRES_INSTALL_HINT}\n`);
}

describeWithBinaries('PostgreSQL failover to a synchronous standby', () => {
  let pair: ReplicatedPair;

  beforeAll(async () => {
    if (!bin) throw new Error(`PostgreSQL is not installed; ${POSTGRES_INSTALL_HINT}`);
    pair = await startReplicatedPair(bin);
  }, 120_000);
  afterAll(async () => {
    await pair?.stop();
  });

  it('loses no acknowledged append, writes none twice, and keeps one chain when the primary is killed mid-write', async () => {
    const stores = [
      await PostgresEventStore.open({ connectionString: pair.url, pollMs: 100 }),
      await PostgresEventStore.open({ connectionString: pair.url, pollMs: 100 }),
    ];
    const access = await PostgresAccess.open({ connectionString: pair.url });
    const { token } = await access.tokens.issue({ kind: 'evaluator', id: 'evaluator' }, 'voor de failover', 1);

    /** Acknowledged appends as `client:k`, in the order their promises resolved. */
    const acknowledged: string[] = [];
    let failedAttempts = 0;
    let foundCommitted = 0;
    let killedAt = Infinity;
    let firstAfterKill: number | undefined;
    let stop = false;

    const client = async (c: number) => {
      const store = stores[c % stores.length];
      for (let k = 0; !stop; k += 1) {
        const expected: ExpectedRevision = k === 0 ? 'no_stream' : k - 1;
        const event = {
          type: 'Written',
          data: { client: c, k },
          metadata: { occurredAt: new Date().toISOString(), causationId: `client-${c}-${k}` },
        };
        for (;;) {
          try {
            await store.append(`client-${c}`, [event], expected);
            break;
          } catch (error) {
            if (error instanceof WrongExpectedRevisionError) {
              // A retry after an append whose outcome was unknown: it was committed the first time.
              const [stored] = await store.readStream(`client-${c}`, { fromRevision: k, maxCount: 1 });
              expect(stored.metadata.causationId).toBe(`client-${c}-${k}`);
              foundCommitted += 1;
              break;
            }
            if (!(error instanceof StoreUnreachableError)) throw error;
            failedAttempts += 1;
            await sleep(50);
          }
        }
        acknowledged.push(`${c}:${k}`);
        if (performance.now() > killedAt && firstAfterKill === undefined) firstAfterKill = performance.now();
      }
    };
    const writing = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    while (acknowledged.length < 300) await sleep(10);
    const beforeKill = acknowledged.length;
    await pair.killPrimary();
    // Taken once every process of the primary is gone: an answer already on its way counts as before.
    killedAt = performance.now();
    const ackedAtKill = [...acknowledged];
    await sleep(500);
    // pg_ctl promote returns once the standby accepts writes, so one may be acknowledged
    // before it returns: the moment that bounds them is when promotion was asked for.
    const promotingFrom = performance.now();
    await pair.promote();
    const promotedAt = performance.now();
    while (acknowledged.length < ackedAtKill.length + 300 && performance.now() - promotedAt < 30_000) await sleep(10);
    stop = true;
    await writing;
    process.stdout.write(
      `PostgreSQL failover: ${beforeKill} appends acknowledged before SIGKILL, ${acknowledged.length} in all; ` +
        `the first append after the kill was acknowledged ${(firstAfterKill! - killedAt).toFixed(0)} ms after it ` +
        `(${(firstAfterKill! - promotedAt).toFixed(0)} ms after promotion), ${failedAttempts} attempts answered unreachable meanwhile, ` +
        `${foundCommitted} of them found committed on retry\n`,
    );

    // Read on the promoted standby alone, by a store that never saw the primary.
    const reader = await PostgresEventStore.open({ connectionString: pair.standbyUrl });
    const stored: string[] = [];
    for (let page = await reader.readAll({ maxCount: 1000 }); page.length > 0;) {
      stored.push(...page.map((e) => `${e.data.client as number}:${e.data.k as number}`));
      page = await reader.readAll({ after: page[page.length - 1].position, maxCount: 1000 });
    }
    const head = await reader.headPosition();
    const chain = await reader.verifyChain();
    await access.refresh();
    const tokenAfter = access.tokens.check(token);
    await Promise.all([...stores.map((s) => s.close()), reader.close(), access.close()]);

    expect(firstAfterKill).toBeDefined();
    // Nothing is acknowledged between the kill and the promotion: no server accepts writes then.
    expect(firstAfterKill!).toBeGreaterThan(promotingFrom);
    expect(acknowledged.length).toBeGreaterThan(ackedAtKill.length);
    // None lost: every acknowledged append, before the kill and after, is on the new primary.
    const storedSet = new Set(stored);
    expect(ackedAtKill.filter((id) => !storedSet.has(id))).toEqual([]);
    expect(acknowledged.filter((id) => !storedSet.has(id))).toEqual([]);
    // None twice, and nothing but what the clients sent (each stored append was acknowledged or still in flight at the end).
    expect(storedSet.size).toBe(stored.length);
    expect(stored.length).toBe(acknowledged.length);
    // One chain, positions 1…N without a gap.
    expect(head).toBe(BigInt(stored.length) + 0n);
    expect(chain).toMatchObject({ intact: true, headPosition: head });
    // The tokens moved with the database: one issued before the failover still lets its holder in.
    expect(tokenAfter.ok).toBe(true);
  }, 120_000);
});
