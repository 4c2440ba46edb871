import { PostgresEventStore } from '@samen/event-store';
import { eventStoreContract } from '@samen/event-store/testing';
import { describeWithPostgres } from '../support/postgres-cluster';

describeWithPostgres('EventStore contract: PostgreSQL store', (cluster) => {
  let url: string;
  beforeAll(async () => {
    url = await cluster().newDatabase();
  });

  eventStoreContract(async () => {
    const store = await PostgresEventStore.open({ connectionString: url });
    return { store, dispose: () => store.close() };
  });
});
