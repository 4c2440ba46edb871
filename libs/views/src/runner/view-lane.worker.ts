import { parentPort, workerData } from 'node:worker_threads';
// The embedded adapter alone: the whole library would load NestJS and the KurrentDB client,
// half a second of a rebuild's critical path.
import { SqliteEventStore } from '@samen/event-store/embedded';
import { applyLog, nameOf } from './apply-log';
import type { Projection } from '../core/projection';
import { VIEW_PROJECTIONS, type LedgerViews } from '../ledger-views';
import type { LaneWork } from './catch-up';

/**
 * The second lane of a catch-up (see catch-up.ts): opens the store again, applies the log to
 * its views and hands their states back. Typed arrays are moved, not copied.
 */
async function runLane({ file, names, states, after, upTo }: LaneWork): Promise<void> {
  // In the embedded log, positions count facts (a view built in part gets fewer, and its part is merged into new columns).
  const facts = Number(upTo) - Number(after ?? 0n);
  for (const view of names)
    (VIEW_PROJECTIONS[nameOf(view)] as Projection<unknown>).reserve?.(states[nameOf(view)], facts);
  const store = new SqliteEventStore({ file });
  try {
    await applyLog(store, states, names, after, upTo);
  } finally {
    await store.close();
  }
  parentPort!.postMessage(states, buffersOf(states));
}

/** Every buffer under the states (columns, string pools, postings), to move rather than copy. */
function buffersOf(states: Partial<LedgerViews>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (value instanceof Map) for (const item of value.values()) visit(item);
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visit(item);
  };
  visit(states);
  return [...buffers];
}

void runLane(workerData as LaneWork);
