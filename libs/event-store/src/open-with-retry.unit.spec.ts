import { StoreSchemaTooNewError, StoreUnreachableError } from './errors';
import type { EventStore } from './event-store.port';
import { openWithRetry } from './open-with-retry';

/** A server that refuses the first `refusals` connections, then opens. */
function serverUpAfter(refusals: number, refusal: () => Error = () => new StoreUnreachableError('ECONNREFUSED')) {
  const store = { kind: 'postgres' } as EventStore;
  let attempts = 0;
  return {
    store,
    attempts: () => attempts,
    open: async () => {
      attempts += 1;
      if (attempts <= refusals) throw refusal();
      return store;
    },
  };
}

describe('opening a store whose server may still be starting', () => {
  it('tries again after each delay until the server answers, saying so each time', async () => {
    const server = serverUpAfter(2);
    const waits: number[] = [];

    const store = await openWithRetry(server.open, [1, 2, 4], (_, delayMs) => waits.push(delayMs));

    expect(store).toBe(server.store);
    expect(waits).toEqual([1, 2]);
  });

  it('gives up after the last delay with the last failure', async () => {
    const server = serverUpAfter(10);

    const refusal = await openWithRetry(server.open, [1, 1], () => undefined).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(StoreUnreachableError);
    expect(server.attempts()).toBe(3);
  });

  it('stops at once when the server answers with a refusal that waiting cannot change', async () => {
    const server = serverUpAfter(1, () => new StoreSchemaTooNewError('schema 2'));

    const refusal = await openWithRetry(server.open, [1, 1], () => undefined).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(StoreSchemaTooNewError);
    expect(server.attempts()).toBe(1);
  });
});
