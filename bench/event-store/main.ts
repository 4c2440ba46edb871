/**
 * Event store benchmark: the embedded adapter against plain better-sqlite3 doing the same
 * work (no port, no envelope, no validation) and against Emmett's SQLite event store; then
 * the PostgreSQL adapter against raw `pg` on a table of the same shape (postgres.ts); all
 * in one run on this machine. Run: npm run bench:event-store
 *
 * Settings: BENCH_READ_EVENTS (default 1000000), BENCH_ROUNDS (default 3), BENCH_SECTIONS
 * (default "sqlite,postgres"), BENCH_POSTGRES_URL (default: a throwaway cluster),
 * BENCH_PG_READ_EVENTS (default 200000), BENCH_PG_SINGLE_APPENDS (default 500).
 */
import Database from 'better-sqlite3';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getSQLiteEventStore, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@samen/event-store';
import { median, ratePerSecond, report, type Row } from '../support/report';
import { attendance, sampleEvent } from '../support/sample-events';
import { postgresSection } from './postgres';

const READ_EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 1_000_000);
const EMMETT_READ_EVENTS = Math.min(READ_EVENTS, 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'sqlite,postgres').split(',');
const SINGLE_APPENDS = 1_500;
const CONCURRENT_APPENDS = 6_000;
const CONCURRENCY = 64;
const BATCHES = 150;
const BATCH_SIZE = 100;
const STREAMS = 100;

const dir = mkdtempSync(join(tmpdir(), 'samen-ledger-bench-'));
let fileCounter = 0;
const freshFile = () => join(dir, `store-${fileCounter++}.db`);

/** The same work straight on better-sqlite3, with the same durability and the same check. */
function rawStore(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL,
           type TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (stream, revision))`);
  const current = db
    .prepare<[string], number>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
    .pluck();
  const insert = db.prepare('INSERT INTO events (stream, revision, type, data) VALUES (?, ?, ?, ?)');
  const append = db.transaction((stream: string, expected: number, items: object[]) => {
    let revision = current.get(stream) ?? -1;
    if (revision !== expected) throw new Error('conflict');
    for (const item of items) insert.run(stream, ++revision, 'AttendanceRecorded', JSON.stringify(item));
  });
  return {
    append: (stream: string, expected: number, items: object[]) => append.immediate(stream, expected, items),
    close: () => db.close(),
  };
}

async function singleAppends(kind: 'samen' | 'raw' | 'emmett'): Promise<number> {
  const revisions = new Array<number>(STREAMS).fill(-1);
  const file = freshFile();
  if (kind === 'raw') {
    const raw = rawStore(file);
    const rate = await ratePerSecond(SINGLE_APPENDS, () => {
      for (let i = 0; i < SINGLE_APPENDS; i++)
        raw.append(`s-${i % STREAMS}`, revisions[i % STREAMS]++, [attendance(i)]);
    });
    raw.close();
    return rate;
  }
  if (kind === 'emmett') {
    const emmett = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
    const versions = new Map<number, bigint>();
    return ratePerSecond(SINGLE_APPENDS, async () => {
      for (let i = 0; i < SINGLE_APPENDS; i++) {
        const stream = i % STREAMS;
        const result = await emmett.appendToStream(
          `s-${stream}`,
          [{ type: 'AttendanceRecorded', data: attendance(i) }],
          {
            expectedStreamVersion: versions.get(stream) ?? STREAM_DOES_NOT_EXIST,
          },
        );
        versions.set(stream, result.nextExpectedStreamVersion);
      }
    });
  }
  const store = new SqliteEventStore({ file });
  const rate = await ratePerSecond(SINGLE_APPENDS, async () => {
    for (let i = 0; i < SINGLE_APPENDS; i++) {
      const stream = i % STREAMS;
      const expected = revisions[stream];
      await store.append(`s-${stream}`, [sampleEvent(i)], expected < 0 ? 'no_stream' : expected);
      revisions[stream] = expected + 1;
    }
  });
  await store.close();
  return rate;
}

/** Many callers at once, as under HTTP load: group commit shares one fsync among them. */
async function concurrentSingleAppends(): Promise<number> {
  const store = new SqliteEventStore({ file: freshFile() });
  let next = 0;
  const caller = async (id: number) => {
    let revision = -1;
    for (let i = next++; i < CONCURRENT_APPENDS; i = next++) {
      await store.append(`caller-${id}`, [sampleEvent(i)], revision < 0 ? 'no_stream' : revision);
      revision += 1;
    }
  };
  const rate = await ratePerSecond(CONCURRENT_APPENDS, () =>
    Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => caller(id))).then(() => undefined),
  );
  await store.close();
  return rate;
}

async function batchedAppends(kind: 'samen' | 'raw' | 'emmett'): Promise<number> {
  const events = BATCHES * BATCH_SIZE;
  const batch = (b: number) => Array.from({ length: BATCH_SIZE }, (_, i) => b * BATCH_SIZE + i);
  const file = freshFile();
  if (kind === 'raw') {
    const raw = rawStore(file);
    const rate = await ratePerSecond(events, () => {
      for (let b = 0; b < BATCHES; b++) raw.append(`batch-${b}`, -1, batch(b).map(attendance));
    });
    raw.close();
    return rate;
  }
  if (kind === 'emmett') {
    const emmett = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
    return ratePerSecond(events, async () => {
      for (let b = 0; b < BATCHES; b++) {
        await emmett.appendToStream(
          `batch-${b}`,
          batch(b).map((i) => ({ type: 'AttendanceRecorded', data: attendance(i) })),
          {
            expectedStreamVersion: STREAM_DOES_NOT_EXIST,
          },
        );
      }
    });
  }
  const store = new SqliteEventStore({ file });
  const rate = await ratePerSecond(events, async () => {
    for (let b = 0; b < BATCHES; b++) await store.append(`batch-${b}`, batch(b).map(sampleEvent), 'no_stream');
  });
  await store.close();
  return rate;
}

async function fill(file: string, count: number): Promise<void> {
  const store = new SqliteEventStore({ file });
  for (let i = 0; i < count; i += 1000) {
    const size = Math.min(1000, count - i);
    await store.append(
      `fill-${i / 1000}`,
      Array.from({ length: size }, (_, k) => sampleEvent(i + k)),
      'no_stream',
    );
  }
  await store.close();
}

async function readAllThroughPort(file: string): Promise<number> {
  const store = new SqliteEventStore({ file });
  let seen = 0;
  const rate = await ratePerSecond(READ_EVENTS, async () => {
    let after: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 1000 });
      if (page.length === 0) break;
      seen += page.length;
      after = page[page.length - 1].position;
    }
  });
  await store.close();
  if (seen !== READ_EVENTS) throw new Error(`read ${seen} events, expected ${READ_EVENTS}`);
  return rate;
}

async function readAllRaw(file: string): Promise<number> {
  const db = new Database(file, { readonly: true });
  let seen = 0;
  const rate = await ratePerSecond(READ_EVENTS, () => {
    const rows = db
      .prepare(
        'SELECT position, stream, revision, id, type, schema_version, data, occurred_at, recorded_at FROM events ORDER BY position',
      )
      .raw();
    for (const row of rows.iterate() as IterableIterator<unknown[]>) {
      if (JSON.parse(row[6] as string) !== null) seen += 1;
    }
  });
  db.close();
  if (seen !== READ_EVENTS) throw new Error(`raw read ${seen} events, expected ${READ_EVENTS}`);
  return rate;
}

async function emmettRead(): Promise<number> {
  const file = freshFile();
  const emmett = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
  for (let i = 0; i < EMMETT_READ_EVENTS; i += 1000) {
    await emmett.appendToStream(
      `fill-${i}`,
      Array.from({ length: 1000 }, (_, k) => ({ type: 'AttendanceRecorded', data: attendance(i + k) })),
      {
        expectedStreamVersion: STREAM_DOES_NOT_EXIST,
      },
    );
  }
  const connection = sqliteConnection({ fileName: file });
  let seen = 0;
  const rate = await ratePerSecond(EMMETT_READ_EVENTS, async () => {
    let after = 0n;
    for (;;) {
      const batch = await readMessagesBatch(connection, { after, batchSize: 1000 });
      if (batch.messages.length === 0) break;
      seen += batch.messages.length;
      after = batch.currentGlobalPosition;
    }
  });
  connection.close();
  if (seen !== EMMETT_READ_EVENTS) throw new Error(`Emmett read ${seen} events, expected ${EMMETT_READ_EVENTS}`);
  return rate;
}

/**
 * Emmett's SQLite store (on node-sqlite3) now and then fails a commit with SQLITE_BUSY
 * "SQL statements in progress"; such a round is run again and counted, not hidden.
 */
let emmettRetries = 0;
async function retryingEmmett(run: () => Promise<number>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt === 3) throw error;
      emmettRetries += 1;
      console.log(`Emmett round failed (${(error as Error).message}); running it again`);
    }
  }
}

/** Runs each variant `ROUNDS` times, interleaved, and keeps the medians. */
async function medians<K extends string>(variants: Record<K, () => Promise<number>>): Promise<Record<K, number>> {
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of Object.keys(variants) as K[]) samples[key].push(await variants[key]());
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v as number[])])) as Record<K, number>;
}

async function main(): Promise<void> {
  console.log(
    `event-store benchmark: ${ROUNDS} rounds, medians; reading ${READ_EVENTS.toLocaleString('en-US')} events; ` +
      `sections ${SECTIONS.join(', ')}`,
  );
  const sqlite = SECTIONS.includes('sqlite') ? await sqliteSection() : { rows: [], context: {} };
  const postgres = SECTIONS.includes('postgres') ? await postgresSection(ROUNDS) : undefined;
  const passed = report(
    'event-store',
    { node: process.version, rounds: ROUNDS, ...sqlite.context, ...postgres?.context },
    [...sqlite.rows, ...(postgres?.rows ?? [])],
  );
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = passed ? 0 : 1;
}

async function sqliteSection(): Promise<{ rows: Row[]; context: Record<string, unknown> }> {
  const single = await medians({
    samen: () => singleAppends('samen'),
    raw: () => singleAppends('raw'),
    emmett: () => retryingEmmett(() => singleAppends('emmett')),
    concurrent: concurrentSingleAppends,
  });
  const batched = await medians({
    samen: () => batchedAppends('samen'),
    raw: () => batchedAppends('raw'),
    emmett: () => retryingEmmett(() => batchedAppends('emmett')),
  });
  const readFile = freshFile();
  await fill(readFile, READ_EVENTS);
  const rssBefore = process.memoryUsage().rss;
  const read = await medians({ samen: () => readAllThroughPort(readFile), raw: () => readAllRaw(readFile) });
  const rssAfterRead = process.memoryUsage().rss;
  const emmettReadRate = await retryingEmmett(emmettRead);

  const rows: Row[] = [
    {
      measure: 'single appends, 1 event/call, exact revision',
      unit: 'appends/s',
      value: single.samen,
      baseline: { name: 'raw better-sqlite3', value: single.raw },
      bar: 0.5,
    },
    {
      measure: `single appends, ${CONCURRENCY} concurrent callers (group commit)`,
      unit: 'appends/s',
      value: single.concurrent,
      baseline: { name: 'raw sequential', value: single.raw },
    },
    {
      measure: 'Emmett SQLite, single appends',
      unit: 'appends/s',
      value: single.emmett,
      baseline: { name: 'samen-ledger', value: single.samen },
    },
    {
      measure: `batched appends, ${BATCH_SIZE} events/call`,
      unit: 'events/s',
      value: batched.samen,
      baseline: { name: 'raw better-sqlite3', value: batched.raw },
      bar: 0.5,
    },
    {
      measure: `Emmett SQLite, ${BATCH_SIZE} events/call`,
      unit: 'events/s',
      value: batched.emmett,
      baseline: { name: 'samen-ledger', value: batched.samen },
    },
    {
      measure: `read all ${READ_EVENTS.toLocaleString('en-US')} in order, data parsed`,
      unit: 'events/s',
      value: read.samen,
      baseline: { name: 'raw better-sqlite3', value: read.raw },
      bar: 0.7,
    },
    {
      measure: `Emmett SQLite, read all ${EMMETT_READ_EVENTS.toLocaleString('en-US')}`,
      unit: 'events/s',
      value: emmettReadRate,
      baseline: { name: 'samen-ledger', value: read.samen },
    },
  ];
  return {
    rows,
    context: {
      readEvents: READ_EVENTS,
      rssGrowthDuringReadMiB: Math.round((rssAfterRead - rssBefore) / 2 ** 20),
      emmettRetries,
    },
  };
}

void main();
