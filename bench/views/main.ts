/**
 * The six views on a long log: 1,000,000 synthetic events over two years (342 gemeenten,
 * turnover, late recording; `ledger-cli seed synthetic`). Measures, in one run:
 * - rebuilding every view (the compiled code, as the API runs it), beside simply reading and
 *   JSON-parsing the same rows straight from SQLite (the baseline, about 190,000
 *   events/s on this machine), and beside the fastest such read we know (rows as arrays
 *   rather than objects, about 1.4 times faster);
 * - view queries over HTTP with 50 concurrent clients (p99), taking gzip as browsers do, and
 *   for comparison not;
 * - asOf and knownAt questions on random dates (p95), each a fresh question;
 * - the API's resident memory with all views of the long log loaded.
 * Run: npm run bench:views. Settings: BENCH_EVENTS (1000000), BENCH_SEED (42),
 * BENCH_ROUNDS (3), BENCH_SECONDS (20), BENCH_CONNECTIONS (50).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VIEWS_VERSION, ViewStateStore, type LedgerViews } from '@samen/views';
import { runCli } from '../../apps/ledger-cli/src/run-cli';
import { benchPort, benchToken, residentMemoryMiB, startApiProcess, stopApiProcess } from '../support/api-process';
import { compiledModule } from '../support/compiled';
import { runLoadClient } from '../support/load-client';
import { median, ratePerSecond, report } from '../support/report';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SEED = process.env.BENCH_SEED ?? '42';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TIME_TRAVEL_QUESTIONS = 60;

const dir = mkdtempSync(join(tmpdir(), 'samen-ledger-bench-views-'));
const storeFile = join(dir, 'ledger.db');

async function generate(): Promise<number> {
  process.env.LEDGER_DATA_DIR = dir;
  const started = performance.now();
  const code = await runCli(
    ['seed', 'synthetic', '--events', String(EVENTS), '--seed', SEED],
    console.log,
    console.error,
  );
  if (code !== 0) throw new Error(`seed synthetic failed with exit code ${code}`);
  return (performance.now() - started) / 1000;
}

/**
 * The baseline: every event read straight from SQLite and its data parsed, nothing
 * else, written as simply as it can be (a row is an object).
 */
async function plainReadRate(): Promise<number> {
  return readRate((db) => {
    let seen = 0;
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as IterableIterator<{
      data: string;
    }>) {
      if (JSON.parse(row.data) !== null) seen += 1;
    }
    return seen;
  });
}

/** The same read at its fastest: the columns by name, each row an array. */
async function rawReadRate(): Promise<number> {
  return readRate((db) => {
    let seen = 0;
    const rows = db
      .prepare(
        `SELECT position, stream, revision, id, type, schema_version, data, occurred_at, correlation_id,
           causation_id, actor, recorded_at FROM events ORDER BY position`,
      )
      .raw();
    for (const row of rows.iterate() as IterableIterator<unknown[]>) {
      if (JSON.parse(row[6] as string) !== null) seen += 1;
    }
    return seen;
  });
}

async function readRate(read: (db: Database.Database) => number): Promise<number> {
  const db = new Database(storeFile, { readonly: true });
  let seen = 0;
  const rate = await ratePerSecond(EVENTS, () => {
    seen = read(db);
  }).finally(() => db.close());
  if (seen !== EVENTS) throw new Error(`the baseline read ${seen} events, expected ${EVENTS}`);
  return rate;
}

/**
 * The rebuild as the API does it from scratch (ViewRunner): catchUp() up to the head, on two
 * lanes (a worker thread with its own connection, started inside the measured time) or,
 * for comparison, on one. Compiled code, as the API runs it.
 */
async function rebuild(lanes: 1 | 2): Promise<{ rate: number; views: LedgerViews }> {
  const { catchUp, emptyViews } = await compiledModule<typeof import('@samen/views')>('libs/views/src/index');
  const { SqliteEventStore } = await compiledModule<typeof import('@samen/event-store')>('libs/event-store/src/index');
  const store = new SqliteEventStore({ file: storeFile });
  const views = emptyViews();
  const head = (await store.headPosition())!;
  const file = lanes === 2 ? storeFile : undefined;
  const rate = await ratePerSecond(EVENTS, () => catchUp({ store, file, views, after: undefined, upTo: head }));
  await store.close();
  return { rate, views };
}

/** The questions users ask most: one view for one gemeente, site or party. */
function everydayQuestions(views: LedgerViews): string[] {
  const gemeenten = [...views.directory.parties.values()].filter((p) => p.kind === 'municipality').slice(0, 40);
  const sites = [...views.directory.sites.values()].slice(0, 20);
  return [
    ...gemeenten.flatMap((g) => [
      `/views/presence/rates?partyId=${g.partyId}`,
      `/views/continuity?partyId=${g.partyId}`,
      `/views/commitments?partyId=${g.partyId}`,
      `/views/handovers?partyId=${g.partyId}`,
      `/views/timeline?partyId=${g.partyId}&limit=50`,
    ]),
    ...sites.flatMap((s) => [`/views/money?siteId=${s.siteId}`, `/views/presence?siteId=${s.siteId}`]),
  ];
}

/**
 * An evaluator's questions about one programme on random dates, and a gemeente's about
 * itself: each one new, so nothing is remembered.
 */
function timeTravelQuestions(views: LedgerViews): string[] {
  const programmes = [...views.directory.programmes.keys()];
  const gemeenten = [...views.directory.parties.values()].filter((p) => p.kind === 'municipality');
  const paths = [
    '/views/presence/rates',
    '/views/continuity',
    '/views/commitments/parties',
    '/views/money',
    '/views/handovers',
    '/views/timeline/changes',
  ];
  const start = Date.parse('2023-01-01T00:00:00Z');
  const span = Date.parse('2024-12-31T00:00:00Z') - start;
  let x = 12345;
  const random = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: TIME_TRAVEL_QUESTIONS }, (_, i) => {
    const date = new Date(start + random() * span).toISOString().slice(0, 10);
    const path = paths[i % paths.length];
    const scope =
      i % 3 === 0
        ? `partyId=${gemeenten[i % gemeenten.length].partyId}`
        : `programmeId=${programmes[i % programmes.length]}`;
    if (path === '/views/timeline/changes') return `${path}?from=2023-01-01&to=${date}&${scope}`;
    const when = i % 2 === 0 ? `asOf=${date}` : `knownAt=${encodeURIComponent(new Date().toISOString())}&asOf=${date}`;
    return `${path}?${when}&${scope}`;
  });
}

async function latencies(base: string, paths: string[], headers: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** A full garbage collection (the benchmark runs with --expose-gc). */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** `measure()` after a full garbage collection. */
function collected<T>(measure: () => Promise<T>): Promise<T> {
  collectGarbage();
  return measure();
}

async function main(): Promise<void> {
  const generateSeconds = await generate();
  const plain: number[] = [];
  const raw: number[] = [];
  const rebuilt: number[] = [];
  const oneLane: number[] = [];
  let views: LedgerViews | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    // Each measured from a collected heap: the API rebuilds with no other views in memory.
    views = undefined;
    plain.push(await collected(plainReadRate));
    raw.push(await collected(rawReadRate));
    oneLane.push((await collected(() => rebuild(1))).rate);
    const result = await collected(() => rebuild(2));
    rebuilt.push(result.rate);
    views = result.views;
    const perSecond = (rate: number) => `${Math.round(rate).toLocaleString('en')}/s`;
    console.log(
      `round ${round + 1}: SQLite read + JSON.parse ${perSecond(plain[round])}, fastest read ${perSecond(raw[round])},` +
        ` rebuild on one lane ${perSecond(oneLane[round])}, on two ${perSecond(result.rate)}` +
        ` (${(result.rate / plain[round]).toFixed(2)} of the first read)`,
    );
  }
  const states = new ViewStateStore(join(dir, 'views.db'), VIEWS_VERSION);
  const saveStarted = performance.now();
  states.save(BigInt(EVENTS), views!);
  const saveMs = performance.now() - saveStarted;
  states.close();
  const questions = everydayQuestions(views!);
  const travelQuestions = timeTravelQuestions(views!);
  views = undefined;
  // The rebuilt views are garbage now; collected here rather than while the API is measured.
  collectGarbage();

  const port = benchPort();
  const base = `http://127.0.0.1:${port}`;
  const auth = benchToken(dir);
  const api = await startApiProcess(dir, port);
  try {
    const cold = await latencies(base, questions, auth);
    const ask = (headers: Record<string, string>) =>
      runLoadClient({ url: base, connections: CONNECTIONS, seconds: SECONDS, headers, paths: questions });
    // The clients ask as browsers and fetch do, taking gzip; then, for comparison, as curl
    // does without --compressed.
    const load = await ask({ ...auth, 'accept-encoding': 'gzip, deflate, br' });
    const plainLoad = await ask(auth);
    const travel = await latencies(base, travelQuestions, auth);
    const memory = await residentMemoryMiB(api.pid!);
    const rebuildRate = median(rebuilt);
    const ok = report(
      'views',
      {
        node: process.version,
        events: EVENTS,
        seed: SEED,
        rounds: ROUNDS,
        generateSeconds: generateSeconds.toFixed(1),
        savedStateMiB: Math.round(statSync(join(dir, 'views.db')).size / 2 ** 20),
        saveMs: Math.round(saveMs),
        queries: load.requests,
        failed: load.failed + plainLoad.failed,
      },
      [
        {
          measure: 'rebuild all views (two lanes, as the API)',
          unit: 'events/s',
          value: rebuildRate,
          baseline: { name: 'SQLite read + JSON.parse', value: median(plain) },
          bar: 0.5,
        },
        {
          measure: 'rebuild all views (two lanes, as the API)',
          unit: 'events/s',
          value: rebuildRate,
          baseline: { name: 'fastest read + JSON.parse', value: median(raw) },
        },
        {
          measure: 'rebuild all views on one lane',
          unit: 'events/s',
          value: median(oneLane),
          baseline: { name: 'SQLite read + JSON.parse', value: median(plain) },
        },
        { measure: `view queries, ${CONNECTIONS} clients, p99`, unit: 'ms', value: load.latency.p99 },
        { measure: `view queries, ${CONNECTIONS} clients, median`, unit: 'ms', value: load.latency.p50 },
        { measure: 'view queries, throughput', unit: 'queries/s', value: load.perSecond },
        { measure: `view queries not gzipped, ${CONNECTIONS} clients, p99`, unit: 'ms', value: plainLoad.latency.p99 },
        { measure: 'view queries not gzipped, throughput', unit: 'queries/s', value: plainLoad.perSecond },
        { measure: 'first answer to each question, p99', unit: 'ms', value: percentile(cold, 99) },
        { measure: 'asOf / knownAt on random dates, p95', unit: 'ms', value: percentile(travel, 95) },
        { measure: 'API resident memory, peak', unit: 'MiB', value: memory.peak },
      ],
    );
    const bars = [
      ['rebuild ≥ 100,000 events/s', rebuildRate >= 100_000],
      ['view queries p99 < 20 ms', load.latency.p99 < 20 && load.failed + plainLoad.failed === 0],
      ['asOf/knownAt p95 < 500 ms', percentile(travel, 95) < 500],
      ['API resident memory < 1 GiB', memory.peak < 1024],
    ] as const;
    for (const [bar, met] of bars) console.log(`bar (${bar}): ${met ? 'ok' : 'FAIL'}`);
    process.exitCode = ok && bars.every(([, met]) => met) ? 0 : 1;
  } finally {
    await stopApiProcess(api);
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
