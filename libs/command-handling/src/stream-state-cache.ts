import type { EventStore, GlobalPosition } from '@samen/event-store';

/** A stream as the last command saw it: folded state, revision, and the answers it gave. */
export interface CachedStream<State = unknown> {
  readonly state: State;
  /** Undefined while the stream does not exist. */
  readonly revision: number | undefined;
  /** Command id → the answer given to it, for idempotent retries. */
  readonly answers: ReadonlyMap<string, { readonly revision: number; readonly position: GlobalPosition }>;
}

/**
 * The folded state of recently written streams, so a command need not read and replay its
 * stream every time. It may be stale (another process or API instance may have appended
 * since): that is safe, because the append still carries the expected revision and a
 * stale entry ends in a conflict, after which the stream is read afresh. Least recently
 * used entries are dropped beyond `capacity`.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedStream>();

  constructor(private readonly capacity = 20_000) {}

  get<State>(stream: string): CachedStream<State> | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      // Re-insert: a Map iterates in insertion order, so the oldest is first.
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry as CachedStream<State> | undefined;
  }

  set<State>(stream: string, entry: CachedStream<State>): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }
}

const caches = new WeakMap<EventStore, StreamStateCache>();

/** The cache that belongs to one store (one per store, so tests with fresh stores never share). */
export function streamStateCacheOf(store: EventStore): StreamStateCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new StreamStateCache()));
  return cache;
}
