/**
 * The synthetic generator: `ledger-cli seed synthetic` writing BENCH_EVENTS (1,000,000)
 * events into a fresh embedded store, beside two baselines through the same store with the
 * same pool of appends in flight, measured in the same run:
 * - the very same batches, generated beforehand into memory: what the writing alone costs;
 * - raw appends of small identical events, in the same batch sizes over as many streams:
 *   the store's limit for this write pattern.
 * Also the generator alone (no store), the peak RSS of the seeding, and the shape of the
 * history (counts per event type, gemeenten, late facts, bursts).
 * Run: npm run bench:synthetic. Settings: BENCH_EVENTS (1000000), BENCH_SEED (42).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NewEvent, SqliteEventStore } from '@samen/event-store';
import { appendAll, HistoryShape, SEED_POOL, syntheticHistory, type AppendBatch } from '@samen/synthetic';
import { runCli } from '../../apps/ledger-cli/src/run-cli';
import { report } from '../support/report';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 42);

const dir = mkdtempSync(join(tmpdir(), 'samen-ledger-bench-synthetic-'));
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** The command itself, in this process, on a fresh store: wall time and the peak RSS it reached. */
async function seedThroughCli(): Promise<{ seconds: number; streams: number; peakRssMiB: number }> {
  process.env.LEDGER_DATA_DIR = join(dir, 'synthetic');
  const lines: string[] = [];
  const started = process.hrtime.bigint();
  const code = await runCli(
    ['seed', 'synthetic', '--events', String(EVENTS), '--seed', String(SEED)],
    (line) => lines.push(line),
    console.error,
  );
  const elapsed = seconds(started);
  if (code !== 0) throw new Error(`seed synthetic failed with exit code ${code}`);
  const { streams } = JSON.parse(lines[0]) as { streams: number };
  return { seconds: elapsed, streams, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** The generator alone, and the sizes of its appends (the baseline repeats them). */
function generateOnly(): { seconds: number; sizes: Uint16Array } {
  const sizes: number[] = [];
  const started = process.hrtime.bigint();
  for (const batch of syntheticHistory({ events: EVENTS, seed: SEED })) sizes.push(batch.events.length);
  return { seconds: seconds(started), sizes: Uint16Array.from(sizes) };
}

/** About the size of an attendance record, built once: the baseline spends nothing on content. */
const RAW_EVENT: NewEvent = {
  type: 'AttendanceRecorded',
  data: { meetingId: 'bijeenkomst-0001-0001', personId: 'p-000001', partyId: 'gemeente-001', status: 'present' },
  metadata: { occurredAt: '2023-05-18T14:00:00.000Z', correlationId: 'c', causationId: 'c', actor: 'seed:synthetic' },
};

/** Append i goes to stream i mod `streams`, so a stream recurs only far outside the pool. */
function* rawBatches(sizes: Uint16Array, streams: number): Generator<AppendBatch> {
  const revisions = new Int32Array(streams).fill(-1);
  for (let i = 0; i < sizes.length; i++) {
    const stream = i % streams;
    const revision = revisions[stream];
    revisions[stream] = revision + sizes[i];
    yield {
      streamName: `raw-${stream}`,
      expectedRevision: revision < 0 ? 'no_stream' : revision,
      events: Array.from({ length: sizes[i] }, () => RAW_EVENT),
    };
  }
}

/** Writes `batches` into a fresh store with the seeding's pool; the seconds it took. */
async function write(name: string, batches: Iterable<AppendBatch>): Promise<number> {
  const store = new SqliteEventStore({ file: join(dir, name, 'ledger.db') });
  const started = process.hrtime.bigint();
  await appendAll(store, batches, SEED_POOL);
  await store.close();
  return seconds(started);
}

function shape() {
  const tally = new HistoryShape();
  for (const batch of syntheticHistory({ events: EVENTS, seed: SEED })) tally.add(batch);
  return tally.summary();
}

async function main(): Promise<void> {
  console.log(`synthetic generator benchmark: ${EVENTS.toLocaleString('en-US')} events, seed ${SEED}`);
  const seeded = await seedThroughCli();
  const generated = generateOnly();
  // Held in memory only for this measurement (several hundred MiB): the seeding above streams.
  const prepared = [...syntheticHistory({ events: EVENTS, seed: SEED })];
  const preparedSeconds = await write('prepared', prepared);
  prepared.length = 0;
  const rawSeconds = await write('raw', rawBatches(generated.sizes, seeded.streams));
  const rawRate = EVENTS / rawSeconds;
  const summary = shape();
  const passed = report(
    'synthetic',
    {
      node: process.version,
      events: EVENTS,
      seed: SEED,
      seedSeconds: seeded.seconds.toFixed(1),
      preparedSeconds: preparedSeconds.toFixed(1),
      rawSeconds: rawSeconds.toFixed(1),
      generatorSeconds: generated.seconds.toFixed(1),
      peakRssMiB: seeded.peakRssMiB,
      streams: seeded.streams,
      appends: generated.sizes.length,
      maxInFlight: SEED_POOL.maxInFlight,
    },
    [
      {
        measure: `seed synthetic into the embedded store, ${EVENTS.toLocaleString('en-US')} events`,
        unit: 'events/s',
        value: EVENTS / seeded.seconds,
        baseline: { name: 'same batches generated beforehand', value: EVENTS / preparedSeconds },
      },
      {
        measure: 'same batches generated beforehand, written alone',
        unit: 'events/s',
        value: EVENTS / preparedSeconds,
        baseline: { name: 'raw appends, same sizes and pool', value: rawRate },
      },
      {
        measure: 'the generator alone, no store',
        unit: 'events/s',
        value: EVENTS / generated.seconds,
        baseline: { name: 'raw appends, same sizes and pool', value: rawRate },
      },
    ],
  );
  console.log('\nshape of the history:');
  console.log(JSON.stringify(summary, null, 2));
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = passed ? 0 : 1;
}

void main();
