import type { EventStore } from './event-store.port';
import { StoreUnreachableError } from './errors';

/** How long to wait for a database server at start: half a second, doubling, then every 30 s; about two and a half minutes in all. */
export const START_RETRY_DELAYS_MS: readonly number[] = [
  500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000,
];

/**
 * Opens a store, trying again after each delay while its server cannot be reached (it may
 * be starting beside the service); any other refusal, such as a schema from a newer
 * version, stops at once. After the last delay the last failure is thrown, for the
 * service's supervisor to see and act on.
 */
export async function openWithRetry(
  open: () => Promise<EventStore>,
  delaysMs: readonly number[],
  onWait: (failure: StoreUnreachableError, delayMs: number) => void,
): Promise<EventStore> {
  for (const delayMs of delaysMs) {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof StoreUnreachableError)) throw error;
      onWait(error, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return open();
}
