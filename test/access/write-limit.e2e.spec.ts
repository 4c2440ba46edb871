import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

/**
 * The write limit counts per principal across every write route: with a limit of 3 per
 * 10 seconds, a party member's fourth write (to another route) is refused with 429 and a
 * Retry-After, nothing is written, reads go on, and another principal still has its budget.
 */
describe('write limit per principal', () => {
  let api: LedgerApi;
  beforeAll(async () => {
    process.env.LEDGER_WRITE_LIMIT = '3';
    api = await startLedgerApi();
  });
  afterAll(async () => {
    await api.close();
    delete process.env.LEDGER_WRITE_LIMIT;
  });

  it('refuses the write over the limit with 429, writes nothing, and leaves reads and others alone', async () => {
    const team = { authorization: `Bearer ${api.tokenFor({ kind: 'programme-team', id: 'kernteam-2' })}` };
    const party = (partyId: string) => ({ partyId, kind: 'municipality', name: `Gemeente ${partyId}` });
    const person = (personId: string) => ({ personId, name: 'Verzonnen Persoon' });
    // Three writes to two routes use up the budget…
    expect((await api.post('/parties', party('gemeente-vaals'), team)).status).toBe(201);
    expect((await api.post('/parties', party('gemeente-kampen'), team)).status).toBe(201);
    expect((await api.post('/people', person('p-901'), team)).status).toBe(201);
    const head = await api.store.headPosition();

    // …so a fourth write is refused, whichever route, and writes nothing.
    const refused = await api.post('/people', person('p-902'), team);
    expect(refused.status).toBe(429);
    expect(await api.store.headPosition()).toBe(head);
    const again = await fetch(`${api.base}/parties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...team },
      body: JSON.stringify(party('gemeente-tynaarlo')),
    });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await api.store.headPosition()).toBe(head);

    // Reads are not limited; another principal has its own budget.
    expect((await api.get('/views/presence', team)).status).toBe(200);
    expect((await api.post('/people', person('p-903'))).status).toBe(201);
  });
});
