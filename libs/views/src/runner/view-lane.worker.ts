import { parentPort, workerData } from 'node:worker_threads';
// The embedded adapter alone: the whole library would load NestJS and the KurrentDB client,
// half a second of a rebuild's critical path.
import { SqliteEventStore } from '@samen/event-store/embedded';
import { applyLog, nameOf } from './apply-log';
import { packed } from './lane-transfer';
import type { Projection } from '../core/projection';
import { VIEW_PROJECTIONS } from '../ledger-views';
import type { LaneWork } from './catch-up';

/**
 * The second lane of a catch-up (see catch-up.ts): opens the store again, applies the log to
 * its views and hands their states back (packed: lane-transfer.ts).
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
  const { message, transfer } = packed(states);
  parentPort!.postMessage(message, transfer);
}

void runLane(workerData as LaneWork);
