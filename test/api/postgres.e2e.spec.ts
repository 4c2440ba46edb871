import { Client } from 'pg';
import { PostgresEventStore, StoreSchemaTooNewError } from '@samen/event-store';
import { freshId, Story } from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';
import { describeWithPostgres } from '../support/postgres-cluster';

/**
 * The API with LEDGER_EVENT_STORE_URL=postgres://…: facts go to PostgreSQL, the views and
 * tokens stay in the data folder, and a view answers from the facts in the database.
 */
describeWithPostgres('ledger-api on PostgreSQL', (cluster) => {
  let url: string;
  let api: LedgerApi;
  let story: Story;

  beforeAll(async () => {
    url = await cluster().newDatabase();
    api = await startLedgerApi({ eventStoreUrl: url });
    story = new Story(api);
  });
  afterAll(async () => api?.close());

  const storedType = async (position: string): Promise<string | undefined> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ type: string }>(
        'SELECT type FROM samen_ledger.events WHERE position = $1',
        [position],
      );
      return rows[0]?.type;
    } finally {
      await client.end();
    }
  };

  it('reports the PostgreSQL store as up on /health', async () => {
    const answer = await api.get<{ details: { eventStore: object } }>('/health');

    expect(answer.status).toBe(200);
    expect(answer.body.details.eventStore).toMatchObject({ status: 'up', adapter: 'postgres' });
  });

  it('records a commitment over HTTP into PostgreSQL and reads it back in the commitment view', async () => {
    const programmeId = await story.programme();
    const site = await story.site(programmeId, 'Tynaarlo');
    const adviseur = await story.person('Lotte Voorbeeld');
    const commitmentId = freshId('tynaarlo-begroting');

    const made = await story.record('/commitments', {
      commitmentId,
      programmeId,
      siteId: site.siteId,
      byPartyId: site.gemeenteId,
      responsiblePersonId: adviseur,
      toPartyIds: [site.initiativeId],
      kind: 'change-policy',
      description: 'Het initiatief opnemen in de begroting',
      dueOn: '2023-06-30',
      occurredAt: '2023-02-01T12:00:00+01:00',
    });
    const answer = await api.get<{ commitment: { status: string; history: object[] } }>(
      `/views/commitments/${commitmentId}?minPosition=${made.position}`,
    );

    expect(await storedType(made.position)).toBe('CommitmentMade');
    expect(answer.status).toBe(200);
    expect(answer.body.commitment).toMatchObject({
      status: 'open',
      history: [expect.objectContaining({ type: 'CommitmentMade', position: made.position })],
    });
  });

  it('answers a retried command with its first answer and writes nothing new', async () => {
    const body = { partyId: freshId('gemeente-vaals'), kind: 'municipality', name: 'Gemeente Vaals' };
    const headers = { 'idempotency-key': freshId('vaals') };

    const first = await api.post('/parties', body, headers);
    const head = await api.store.headPosition();
    const retry = await api.post('/parties', body, headers);

    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('verifies the chain of the facts in PostgreSQL on /audit/chain', async () => {
    const head = await api.store.headPosition();

    const answer = await api.get('/audit/chain');

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ intact: true, headPosition: head?.toString() });
  });

  it('refuses to start on a database written by a newer samen-ledger', async () => {
    const newer = await cluster().newDatabase();
    await (await PostgresEventStore.open({ connectionString: newer })).close();
    const client = new Client({ connectionString: newer });
    await client.connect();
    await client.query('UPDATE samen_ledger.schema_version SET version = 3');
    await client.end();

    const refusal = await startLedgerApi({ eventStoreUrl: newer }).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(StoreSchemaTooNewError);
  });

  it('answers 503 while the database is away, and a retry with the same Idempotency-Key writes the fact once', async () => {
    const body = { partyId: freshId('gemeente-kampen'), kind: 'municipality', name: 'Gemeente Kampen' };
    const headers = { 'idempotency-key': freshId('kampen') };

    await cluster().crash();
    const away = await api.post('/parties', body, headers).finally(() => cluster().restart());
    const retried = await api.post<{ position: string }>('/parties', body, headers);
    const again = await api.post('/parties', body, headers);
    const stream = await api.store.readStream(`party-${body.partyId}`);
    const view = await api.get(`/views/timeline?minPosition=${retried.body.position}`);

    expect(away).toMatchObject({ status: 503, body: { code: 'store-unreachable' } });
    expect([retried.status, again.status]).toEqual([201, 201]);
    expect(stream.map((e) => e.type)).toEqual(['PartyRegistered']);
    // The views followed the log through the restart.
    expect(view.status).toBe(200);
  });
});
