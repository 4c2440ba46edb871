/**
 * Tamper-evidence benchmark: verifying the embedded store's hash chain against reading the
 * same rows straight from better-sqlite3 (no hashing, nothing parsed), both in one run.
 * Run: npm run bench:verify
 *
 * Settings: BENCH_VERIFY_EVENTS (default 1000000), BENCH_ROUNDS (default 3).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@samen/event-store';
import { median, ratePerSecond, report } from '../support/report';
import { sampleEvent } from '../support/sample-events';

const EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = 1_000;
/** SqliteEventStore's default verifyPageSize. */
const PAGE = 4096;
/** What issue 6 asks of verification on the embedded store. */
const REQUIRED_RATE = 200_000;

async function fill(file: string): Promise<number> {
  const store = new SqliteEventStore({ file });
  const rate = await ratePerSecond(EVENTS, async () => {
    for (let i = 0; i < EVENTS; i += BATCH) {
      const size = Math.min(BATCH, EVENTS - i);
      await store.append(
        `meeting-${i / BATCH}`,
        Array.from({ length: size }, (_, k) => sampleEvent(i + k)),
        'no_stream',
      );
    }
  });
  await store.close();
  return rate;
}

async function verify(file: string): Promise<{ rate: number; headHash: string }> {
  const store = new SqliteEventStore({ file });
  let headHash = '';
  const rate = await ratePerSecond(EVENTS, async () => {
    const result = await store.verifyChain();
    if (!result.intact || result.events !== EVENTS) {
      throw new Error(
        `verification failed: ${JSON.stringify(result, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`,
      );
    }
    headHash = result.headHash;
  });
  await store.close();
  return { rate, headHash };
}

/**
 * The same rows and columns, read and touched with nothing hashed or parsed, in pages of
 * the size verification reads (one call into SQLite per page).
 */
async function rawRead(file: string): Promise<number> {
  const db = new Database(file, { readonly: true });
  const page = db
    .prepare<[number, number], unknown[]>(
      `SELECT position, stream, revision, id, type, schema_version, data, occurred_at, correlation_id,
              causation_id, actor, recorded_at, previous_hash, hash
       FROM events WHERE position > ? AND position <= ? ORDER BY position`,
    )
    .raw();
  let seen = 0;
  let bytes = 0;
  const rate = await ratePerSecond(EVENTS, () => {
    for (let after = 0; after < EVENTS; after += PAGE) {
      for (const row of page.all(after, Math.min(after + PAGE, EVENTS))) {
        bytes += (row[6] as string).length;
        seen += 1;
      }
    }
  });
  db.close();
  if (seen !== EVENTS || bytes === 0) throw new Error(`raw read ${seen} events, expected ${EVENTS}`);
  return rate;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'samen-ledger-bench-verify-'));
  try {
    const file = join(dir, 'ledger.db');
    console.log(`verify benchmark: filling a store with ${EVENTS.toLocaleString('en-US')} events…`);
    const fillRate = await fill(file);
    console.log(`filled at ${Math.round(fillRate).toLocaleString('en-US')} events/s (batches of ${BATCH})`);

    const verified: number[] = [];
    const raw: number[] = [];
    let headHash = '';
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    for (let round = 0; round < ROUNDS; round++) {
      const result = await verify(file);
      verified.push(result.rate);
      headHash = result.headHash;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      raw.push(await rawRead(file));
    }
    const verifyRate = median(verified);
    const rows = [
      {
        measure: `verify the chain of ${EVENTS.toLocaleString('en-US')} events`,
        unit: 'events/s',
        value: verifyRate,
        baseline: { name: 'raw better-sqlite3 read', value: median(raw) },
      },
      {
        measure: 'verify against the bar of issue 6',
        unit: 'events/s',
        value: verifyRate,
        baseline: { name: 'required', value: REQUIRED_RATE },
        bar: 1,
      },
    ];
    const passed = report(
      'verify',
      {
        node: process.version,
        rounds: ROUNDS,
        events: EVENTS,
        fillEventsPerSecond: Math.round(fillRate),
        rssGrowthDuringVerifyMiB: Math.round((rssPeak - rssBefore) / 2 ** 20),
        headHash,
      },
      rows,
    );
    process.exitCode = passed ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
