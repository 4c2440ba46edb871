import type { EventStore } from '@samen/event-store';
import type { AppendBatch } from './synthetic-history';

export type AppendPoolOptions = Readonly<{
  /** Appends in flight at once, each on a different stream. */
  maxInFlight: number;
  /**
   * Events handed to the store before giving it a turn of the event loop, so it commits
   * (and starts the fsync of) one group while the next is being generated.
   */
  eventsPerTurn: number;
  /** Called as appends are acknowledged, with the total so far. */
  onWritten?: (events: number) => void;
}>;

export type AppendPoolResult = Readonly<{ events: number; streams: number }>;

/**
 * Measured on the embedded store (docs/benchmarks.md): a synthetic append carries about 2.4
 * events and one fdatasync takes 5–12 ms here, so a group commit needs a few hundred
 * appends to keep up with the generator; two groups' worth in flight lets one be written
 * while the next is generated.
 */
export const SEED_POOL = { maxInFlight: 256, eventsPerTurn: 1024 } as const;

/**
 * Writes batches with many appends in flight, in the order given: appends are issued in
 * that order (so the embedded store, which commits in arrival order, assigns the same
 * positions every time), at most `maxInFlight` at once, and never two on one stream: a
 * batch waits until the previous append to its stream is acknowledged. Stops at the first
 * failed append and rethrows it, after the appends in flight have settled.
 */
export async function appendAll(
  store: EventStore,
  batches: Iterable<AppendBatch>,
  options: AppendPoolOptions,
): Promise<AppendPoolResult> {
  const { maxInFlight, eventsPerTurn, onWritten } = options;
  const inFlight = new Map<string, Promise<void>>();
  let failure: { error: unknown } | undefined;
  let written = 0;
  let streams = 0;
  let sinceTurn = 0;
  let slotFreed: (() => void) | undefined;

  for (const batch of batches) {
    const previous = inFlight.get(batch.streamName);
    if (previous) await previous;
    while (inFlight.size >= maxInFlight && !failure) await new Promise<void>((resolve) => (slotFreed = resolve));
    if (failure) break;
    const count = batch.events.length;
    if (batch.expectedRevision === 'no_stream') streams += 1;
    const done: Promise<void> = store.append(batch.streamName, batch.events, batch.expectedRevision).then(
      () => {
        written += count;
        onWritten?.(written);
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    const settled = done.then(() => {
      if (inFlight.get(batch.streamName) === settled) inFlight.delete(batch.streamName);
      const wake = slotFreed;
      slotFreed = undefined;
      wake?.();
    });
    inFlight.set(batch.streamName, settled);
    sinceTurn += count;
    if (sinceTurn >= eventsPerTurn) {
      sinceTurn = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await Promise.all(inFlight.values());
  if (failure) throw failure.error;
  return { events: written, streams };
}
