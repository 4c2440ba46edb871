import { parseArgs } from 'node:util';
import { type CliCommand, UsageError, wholeNumber } from '../cli-command';

/** Enough for any benchmark; beyond it a run would take hours. */
const MAX_EVENTS = 100_000_000;
const PROGRESS_EVERY_MS = 250;

export const seedSynthetic: CliCommand = {
  name: 'seed synthetic',
  usage: 'seed synthetic --events N [--seed S]',
  summary: 'Een verzonnen, deterministische geschiedenis / a deterministic synthetic history of N events',
  async run(args, { store, out }) {
    const { values } = parseArgs({
      args,
      options: { events: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    });
    if (values.events === undefined) throw new UsageError('--events is required: how many events to write');
    const events = wholeNumber('--events', values.events, 0);
    if (events < 1 || events > MAX_EVENTS) {
      throw new UsageError(
        `--events must be a whole number from 1 to ${MAX_EVENTS.toLocaleString('en-US')}, got "${values.events}"`,
      );
    }
    const seed = wholeNumber('--seed', values.seed, 1);
    const head = await store.headPosition();
    if (head !== undefined) {
      throw new UsageError(
        `the store already holds events (head position ${head}); seed synthetic writes into an empty store, e.g. LEDGER_DATA_DIR=$(mktemp -d)`,
      );
    }

    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    const progress = process.stderr.isTTY ? progressLine(events, elapsed) : undefined;
    // Loaded when used, so that other commands start without it.
    const { appendAll, SEED_POOL, syntheticHistory } = await import('@samen/synthetic');
    const result = await appendAll(store, syntheticHistory({ events, seed }), {
      ...SEED_POOL,
      ...(progress && { onWritten: progress.update }),
    });
    progress?.clear();
    const seconds = elapsed();
    out(
      JSON.stringify({
        events: result.events,
        streams: result.streams,
        seconds: Math.round(seconds * 10) / 10,
        eventsPerSecond: Math.round(result.events / seconds),
        seed,
      }),
    );
  },
};

/** One line on the terminal, rewritten in place: events written, rate and time left. */
function progressLine(total: number, elapsed: () => number) {
  let lastDrawn = 0;
  const draw = (text: string) => process.stderr.write(`\r\x1b[K${text}`);
  return {
    update(written: number) {
      const now = elapsed();
      if ((now - lastDrawn) * 1000 < PROGRESS_EVERY_MS && written < total) return;
      lastDrawn = now;
      const rate = written / Math.max(now, 1e-3);
      const eta = rate > 0 ? Math.ceil((total - written) / rate) : 0;
      draw(
        `seed synthetic: ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} events, ` +
          `${Math.round(rate).toLocaleString('en-US')} events/s, ETA ${eta} s`,
      );
    },
    clear: () => draw(''),
  };
}
