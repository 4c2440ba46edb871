import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@samen/event-store';
import { eventStoreContract } from '@samen/event-store/testing';

describe('EventStore contract: embedded SQLite store', () => {
  eventStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samen-ledger-contract-'));
    const store = new SqliteEventStore({ file: join(dir, 'ledger.db') });
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
