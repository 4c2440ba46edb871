import { performance } from 'node:perf_hooks';
import { Story } from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';
import { describeWithPostgres } from '../support/postgres-cluster';

interface CommitmentView {
  commitment: { commitmentId: string; description: string; history: { type: string }[] };
}

/**
 * Two API instances on one PostgreSQL database, each with a data folder of its own as on
 * two machines: what one records, the other's views show, and neither instance's outdated
 * state lets a write through that the other made stale. (Tokens stay per data folder, ADR
 * 0008: each instance here is asked with a token it issued itself; sharing them is not done.)
 */
describeWithPostgres('two API instances on one PostgreSQL database', (cluster) => {
  let first: LedgerApi;
  let second: LedgerApi;
  let programmeId: string;
  let site: { siteId: string; gemeenteId: string; initiativeId: string };
  let adviseur: string;

  beforeAll(async () => {
    const url = await cluster().newDatabase();
    first = await startLedgerApi({ eventStoreUrl: url });
    second = await startLedgerApi({ eventStoreUrl: url });
    const story = new Story(first);
    programmeId = await story.programme();
    site = await story.site(programmeId, 'Kampen');
    adviseur = await story.person('Sanne Voorbeeld');
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const commitmentOn = (api: LedgerApi) =>
    new Story(api).commitment({
      programmeId,
      siteId: site.siteId,
      byPartyId: site.gemeenteId,
      toPartyIds: [site.initiativeId],
      responsiblePersonId: adviseur,
    });

  it('shows a commitment recorded on the first instance in the second one’s view at once', async () => {
    const commitmentId = await commitmentOn(first);
    const { body } = await first.post<{ position: string }>(`/commitments/${commitmentId}/amendments`, {
      description: 'Een vaste contactpersoon én een spreekuur',
      reason: 'Afspraak in het kernteam',
    });

    const asked = performance.now();
    const answer = await second.get<CommitmentView>(`/views/commitments/${commitmentId}?minPosition=${body.position}`);
    const delayMs = performance.now() - asked;
    process.stdout.write(
      `two instances on PostgreSQL: the second's view had the fact after ${delayMs.toFixed(0)} ms\n`,
    );

    expect(answer.status).toBe(200);
    expect(answer.body.commitment).toMatchObject({
      description: 'Een vaste contactpersoon én een spreekuur',
      history: [{ type: 'CommitmentMade' }, { type: 'CommitmentAmended' }],
    });
    // Well inside the 5 s of minPosition. That a NOTIFY wakes the other instance (rather
    // than its 500 ms poll) is shown in postgres-store.spec.ts; here the delay is recorded,
    // and a loaded CI machine must not turn a few milliseconds into a failure.
    expect(delayMs).toBeLessThan(2000);
  });

  it('refuses on one instance an If-Match that the other instance made stale, with the current revision', async () => {
    const commitmentId = await commitmentOn(first);
    const amend = (api: LedgerApi, reason: string) =>
      api.post(`/commitments/${commitmentId}/amendments`, { dueOn: '2025-01-01', reason }, { 'if-match': '0' });

    const elsewhere = await amend(second, 'Raadsbesluit uitgesteld');
    const stale = await amend(first, 'Nogmaals uitgesteld');

    expect(elsewhere.status).toBe(201);
    expect(stale).toMatchObject({ status: 409, body: { code: 'concurrent-change', currentRevision: 1 } });
    expect((await first.store.readStream(`commitment-${commitmentId}`)).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('writes each amendment sent to both instances at once exactly once, or refuses it with 409 and writes nothing', async () => {
    const commitmentId = await commitmentOn(first);
    const reasons = Array.from({ length: 12 }, (_, i) => `Overleg ${i + 1}`);

    const answers = await Promise.all(
      reasons.map((reason, i) =>
        (i % 2 === 0 ? first : second).post<{ revision?: number; code?: string }>(
          `/commitments/${commitmentId}/amendments`,
          { description: `Afspraak na ${reason.toLowerCase()}`, reason },
        ),
      ),
    );
    const stream = await second.store.readStream(`commitment-${commitmentId}`);

    // A command without If-Match is decided again after a conflict, a few times (ADR 0004):
    // under this much contention some give up with a 409, and none of those wrote anything.
    expect(answers.every((a) => a.status === 201 || a.body.code === 'concurrent-change')).toBe(true);
    const accepted = reasons.filter((_, i) => answers[i].status === 201);
    expect(accepted.length).toBeGreaterThan(1);
    expect(stream.map((e) => e.revision)).toEqual(Array.from({ length: accepted.length + 1 }, (_, i) => i));
    expect(Object.fromEntries(stream.slice(1).map((e) => [e.data.reason, e.revision]))).toEqual(
      Object.fromEntries(accepted.map((reason) => [reason, answers[reasons.indexOf(reason)].body.revision])),
    );
  });

  it('keeps one chain over what both instances appended', async () => {
    await commitmentOn(second);
    const head = await first.store.headPosition();

    const [onFirst, onSecond] = await Promise.all([first.get('/audit/chain'), second.get('/audit/chain')]);

    expect(onFirst.body).toMatchObject({ intact: true, headPosition: head?.toString() });
    expect(onSecond.body).toEqual(onFirst.body);
  });
});
