import { parentPort, workerData } from 'node:worker_threads';
// The embedded adapter alone: the whole library would load NestJS and the KurrentDB client,
// half a second of a rebuild's critical path.
import { SqliteEventStore } from '@samen/event-store/embedded';
import { applyLog, laneTargets } from './apply-log';
import { packed, withoutIndexes } from './lane-transfer';
import type { LaneWork } from './catch-up';

/**
 * The second lane of a catch-up (see catch-up.ts): opens the store again, applies the log to
 * its views and hands their states back (packed, without the lookups the receiver builds
 * again: lane-transfer.ts).
 */
async function runLane({ file, names, states, after, upTo }: LaneWork): Promise<void> {
  const views = laneTargets(states, names);
  // In the embedded log, positions count facts: room for all of them. A view that applies
  // only some gives the rest back (presence); the timeline's part fills it when merged.
  const facts = Number(upTo) - Number(after ?? 0n);
  for (const { projection, state } of views) projection.reserve?.(state, facts);
  const store = new SqliteEventStore({ file });
  try {
    await applyLog(store, states, names, after, upTo);
  } finally {
    await store.close();
  }
  for (const { projection, state } of views) {
    projection.trim?.(state);
    withoutIndexes(state as object, projection.indexes ?? []);
  }
  const { message, transfer } = packed(states);
  parentPort!.postMessage(message, transfer);
}

void runLane(workerData as LaneWork);
