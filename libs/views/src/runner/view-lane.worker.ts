import { parentPort, workerData } from 'node:worker_threads';
import { createEventStore } from '@samen/event-store';
import { applyLog } from './apply-log';
import type { LaneWork } from './catch-up';

/**
 * The second lane of a catch-up (see catch-up.ts): opens the store again, applies the log to
 * its views and hands their states back. Typed arrays are moved, not copied.
 */
async function runLane({ settings, names, states, after, upTo }: LaneWork): Promise<void> {
  const store = createEventStore(settings);
  try {
    await applyLog(store, states, names, after, upTo);
  } finally {
    await store.close();
  }
  parentPort!.postMessage(states, buffersOf(Object.values(states)));
}

function buffersOf(states: readonly unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const state of states) {
    for (const value of Object.values(state as object)) {
      if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}

void runLane(workerData as LaneWork);
