import { PostgresEventStore } from '@samen/event-store';
import { eventStoreContract } from '../../libs/event-store/src/testing/event-store.contract';
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
