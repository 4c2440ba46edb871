import type { Observable } from 'rxjs';
import type { GlobalPosition, RecordedEvent } from './envelope';

/**
 * rxjs, loaded with the first subscription: the views' second thread reads the log without
 * subscribing, and loading rxjs took 80 ms of a rebuild's critical path there.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rxjs = () => require('rxjs') as typeof import('rxjs');

type Page = RecordedEvent[] | undefined;

export interface PagedSubscriptionSource {
  readonly after: GlobalPosition | undefined;
  readonly pageSize: number;
  /**
   * The next events after a position; undefined once the store is closed. A store that reads
   * in the same thread answers at once, a server store with a promise.
   */
  readonly readPage: (after: GlobalPosition | undefined) => Page | Promise<Page>;
  /** Resolves after the next commit (or close); may resolve spuriously. */
  readonly waitForAppend: () => Promise<void>;
}

/**
 * Catch-up and live in one loop: the subscription always reads from the store by
 * position, so the switch from history to live writes can neither skip nor repeat an
 * event, and nothing is held in memory beyond the page being delivered.
 */
export function pagedSubscription(source: PagedSubscriptionSource): Observable<RecordedEvent> {
  return new (rxjs().Observable)<RecordedEvent>((subscriber) => {
    let after = source.after;
    const deliver = async (): Promise<void> => {
      while (!subscriber.closed) {
        const read = source.readPage(after);
        // Awaited only when it is a promise: the embedded store's pages cost no extra turn.
        const page = read instanceof Promise ? await read : read;
        if (page === undefined) {
          subscriber.complete();
          return;
        }
        for (const event of page) {
          if (subscriber.closed) return;
          subscriber.next(event);
          after = event.position;
        }
        // A full page means more history may wait: yield to the event loop, then read on.
        if (page.length === source.pageSize) await new Promise((resolve) => setImmediate(resolve));
        else await source.waitForAppend();
      }
    };
    deliver().catch((error: unknown) => subscriber.error(error));
  });
}
