import { pushTo } from '../core/projection';

/**
 * Interleaves the items of different streams in the order `picks` chooses (at each step
 * `picks[i] mod the streams left`, cycling through `picks`), keeping each stream's own
 * order: how independent streams may reach the views. Property tests pass random picks.
 */
export function interleave<T extends { readonly streamName: string }>(
  items: readonly T[],
  picks: readonly number[],
): T[] {
  const streams = new Map<string, T[]>();
  for (const item of items) pushTo(streams, item.streamName, item);
  const queues = [...streams.values()];
  const out: T[] = [];
  for (let i = 0; queues.length > 0; i++) {
    const at = (picks[i % Math.max(1, picks.length)] ?? 0) % queues.length;
    out.push(queues[at].shift()!);
    if (queues[at].length === 0) queues.splice(at, 1);
  }
  return out;
}
