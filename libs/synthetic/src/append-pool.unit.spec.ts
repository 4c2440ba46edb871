import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '@samen/event-store';
import { appendAll } from './append-pool';
import type { AppendBatch } from './synthetic-history';

/** A store that acknowledges after a few milliseconds and notes what it saw. */
class SlowStore {
  readonly calls: string[] = [];
  readonly inFlight = new Set<string>();
  overlaps = 0;
  mostInFlight = 0;

  constructor(private readonly failOn?: string) {}

  append(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.calls.push(`${streamName}@${String(expected)}`);
    if (this.inFlight.has(streamName)) this.overlaps += 1;
    this.inFlight.add(streamName);
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight.size);
    return new Promise((resolve, reject) =>
      setTimeout(
        () => {
          this.inFlight.delete(streamName);
          if (streamName === this.failOn) reject(new Error(`${streamName} refused`));
          else resolve({ nextExpectedRevision: events.length - 1, position: 1n });
        },
        1 + (this.calls.length % 3),
      ),
    );
  }
}

const event: NewEvent = { type: 'PartyRegistered', data: {}, metadata: { occurredAt: '2023-01-01T08:00:00Z' } };
const batch = (streamName: string, expectedRevision: ExpectedRevision, size = 1): AppendBatch => ({
  streamName,
  expectedRevision: expectedRevision as AppendBatch['expectedRevision'],
  events: Array.from({ length: size }, () => event),
});
/** Twenty streams, each written three times, interleaved. */
const interleaved = [0, 1, 2].flatMap((round) =>
  Array.from({ length: 20 }, (_, s) => batch(`s-${s}`, round === 0 ? 'no_stream' : round - 1, 2)),
);
const asStore = (store: SlowStore) => store as unknown as EventStore;

describe('appending batches with many in flight', () => {
  it('issues them in the order given', async () => {
    const store = new SlowStore();
    await appendAll(asStore(store), interleaved, { maxInFlight: 8, eventsPerTurn: 4 });
    expect(store.calls).toEqual(interleaved.map((b) => `${b.streamName}@${String(b.expectedRevision)}`));
  });

  it('keeps at most maxInFlight appends in flight, never two on one stream', async () => {
    const store = new SlowStore();
    await appendAll(asStore(store), [...interleaved, batch('s-0', 2), batch('s-0', 3)], {
      maxInFlight: 8,
      eventsPerTurn: 4,
    });
    expect(store.overlaps).toBe(0);
    expect(store.mostInFlight).toBeLessThanOrEqual(8);
    expect(store.mostInFlight).toBeGreaterThan(1);
  });

  it('counts the events written and the streams it created', async () => {
    const result = await appendAll(asStore(new SlowStore()), interleaved, { maxInFlight: 8, eventsPerTurn: 4 });
    expect(result).toEqual({ events: 120, streams: 20 });
  });

  it('stops at the first refused append and rethrows it', async () => {
    const store = new SlowStore('s-3');
    await expect(appendAll(asStore(store), interleaved, { maxInFlight: 4, eventsPerTurn: 4 })).rejects.toThrow(
      's-3 refused',
    );
    expect(store.calls.length).toBeLessThan(interleaved.length);
  });
});
