import type { GlobalPosition, RecordedEvent } from './envelope';
import { pagedSubscription } from './paged-subscription';

/** A log of `size` events that counts how many pages were read from it. */
function countingLog(size: number, pageSize: number) {
  const reads: (GlobalPosition | undefined)[] = [];
  const event = (position: number): RecordedEvent => ({
    id: `e${position}`,
    streamName: 's',
    revision: position - 1,
    position: BigInt(position),
    type: 'Numbered',
    schemaVersion: 1,
    data: {},
    metadata: { occurredAt: '2024-01-01T00:00:00Z' },
    recordedAt: '2024-01-01T00:00:00Z',
  });
  return {
    reads,
    source: {
      after: undefined,
      pageSize,
      readPage: (after: GlobalPosition | undefined) => {
        reads.push(after);
        const from = Number(after ?? 0n) + 1;
        return Array.from({ length: Math.max(0, Math.min(pageSize, size - from + 1)) }, (_, i) => event(from + i));
      },
      waitForAppend: () => new Promise<void>(() => undefined),
    },
  };
}

describe('paged subscription', () => {
  it('reads the next page only after the consumer has taken the current one', async () => {
    const log = countingLog(10_000, 100);
    const seen: number[] = [];
    const subscription = pagedSubscription(log.source).subscribe((e) => {
      seen.push(Number(e.position));
      // A slow consumer: while it works on event 150, only two pages have been read.
      if (seen.length === 150) subscription.unsubscribe();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(150);
    expect(log.reads).toEqual([undefined, 100n]);
  });

  it('resumes reading exactly after the last delivered position', async () => {
    const log = countingLog(250, 100);
    const seen: number[] = [];
    pagedSubscription(log.source).subscribe((e) => seen.push(Number(e.position)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(log.reads).toEqual([undefined, 100n, 200n]);
  });
});
