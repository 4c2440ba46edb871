import { expectInvalid, expectRefused, freshId, Story } from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

interface HistoryEvent {
  position: string;
  revision: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor?: string;
  correlationId?: string;
  causationId?: string;
  hash?: string;
  data: Record<string, unknown>;
}
interface History {
  streamName: string;
  events: HistoryEvent[];
}

describe('GET /history/:entity/:id', () => {
  let api: LedgerApi;
  let story: Story;
  let programmeId: string;
  let hertogenbosch: { siteId: string; gemeenteId: string; initiativeId: string };
  let vsbfonds: string;
  let wijkcoordinator: string;

  beforeAll(async () => {
    api = await startLedgerApi();
    story = new Story(api);
    programmeId = await story.programme();
    hertogenbosch = await story.site(programmeId, "'s-Hertogenbosch");
    vsbfonds = await story.party('fund', 'VSBfonds');
    wijkcoordinator = await story.person('Maaike Brouwer');
  });
  afterAll(async () => api.close());

  /** A commitment of gemeente 's-Hertogenbosch, amended once and then fulfilled. */
  async function fulfilledCommitment(): Promise<string> {
    const commitmentId = await story.commitment({
      programmeId,
      siteId: hertogenbosch.siteId,
      byPartyId: hertogenbosch.gemeenteId,
      toPartyIds: [hertogenbosch.initiativeId],
      responsiblePersonId: wijkcoordinator,
      kind: 'house',
      description: 'Een ruimte in het wijkcentrum, twee dagdelen per week',
      occurredAt: '2023-03-01T10:00:00+01:00',
    });
    await story.record(`/commitments/${commitmentId}/amendments`, {
      description: 'Een ruimte in het wijkcentrum, drie dagdelen per week',
      reason: 'Meer vrijwilligers',
      occurredAt: '2023-05-01T10:00:00+02:00',
    });
    await story.record(`/commitments/${commitmentId}/fulfilment`, {
      evidence: 'Huurovereenkomst wijkcentrum, getekend',
      occurredAt: '2023-06-01T10:00:00+02:00',
    });
    return commitmentId;
  }

  it('answers every event of a commitment in order, with position, revision, both times and the data', async () => {
    const commitmentId = await fulfilledCommitment();
    const stored = await api.store.readStream(`commitment-${commitmentId}`);

    const answer = await api.get<History>(`/history/commitment/${commitmentId}`);

    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body.streamName).toBe(`commitment-${commitmentId}`);
    expect(answer.body.events).toEqual(
      stored.map((event) => ({
        position: event.position.toString(),
        revision: event.revision,
        type: event.type,
        schemaVersion: event.schemaVersion,
        occurredAt: event.metadata.occurredAt,
        recordedAt: event.recordedAt,
        correlationId: event.metadata.correlationId,
        causationId: event.metadata.causationId,
        actor: 'programme-team:e2e-kernteam',
        hash: event.hash,
        data: event.data,
      })),
    );
    expect(answer.body.events.map((event) => [event.revision, event.type, event.occurredAt])).toEqual([
      [0, 'CommitmentMade', '2023-03-01T10:00:00+01:00'],
      [1, 'CommitmentAmended', '2023-05-01T10:00:00+02:00'],
      [2, 'CommitmentFulfilled', '2023-06-01T10:00:00+02:00'],
    ]);
    // As stored: today's commitment facts are at version 2, with their visibility.
    expect(answer.body.events.map((event) => event.schemaVersion)).toEqual([2, 2, 2]);
  });

  it('keeps the request’s X-Correlation-Id and names the Idempotency-Key as the cause', async () => {
    const partyId = freshId('vng');
    await story.record(
      '/parties',
      { partyId, kind: 'association', name: 'VNG' },
      { 'idempotency-key': `registreer-${partyId}`, 'x-correlation-id': 'import-2023-ledenlijst' },
    );

    const answer = await api.get<History>(`/history/party/${partyId}`);

    expect(answer.body.events).toEqual([
      expect.objectContaining({
        type: 'PartyRegistered',
        correlationId: 'import-2023-ledenlijst',
        causationId: `idempotency:RegisterParty:registreer-${partyId}`,
      }),
    ]);
  });

  it('includes the sites that joined in the history of their programme', async () => {
    const answer = await api.get<History>(`/history/programme/${programmeId}`);

    expect(answer.status).toBe(200);
    expect(answer.body.events.map((event) => [event.type, event.data.siteId])).toEqual([
      ['ProgrammeLaunched', undefined],
      ['SiteJoined', hertogenbosch.siteId],
    ]);
  });

  it('pages through a history with fromRevision and limit', async () => {
    const commitmentId = await fulfilledCommitment();

    const answer = await api.get<History>(`/history/commitment/${commitmentId}?fromRevision=1&limit=1`);

    expect(answer.status).toBe(200);
    expect(answer.body.events.map((event) => [event.revision, event.type])).toEqual([[1, 'CommitmentAmended']]);
  });

  it('answers an empty page past the end of a history that exists', async () => {
    const commitmentId = await fulfilledCommitment();

    const answer = await api.get<History>(`/history/commitment/${commitmentId}?fromRevision=3`);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ streamName: `commitment-${commitmentId}`, events: [] });
  });

  describe('of every kind of thing', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const person = await story.person('Femke Wessels');
      const roleId = await story.role({ partyId: hertogenbosch.gemeenteId, personId: person });
      const meeting = await story.record('/meetings', {
        programmeId,
        kind: 'thematic',
        title: 'Themabijeenkomst: ruimte voor initiatieven',
        startsAt: '2023-05-23T13:30:00+02:00',
        place: "'s-Hertogenbosch",
        hostSiteId: hertogenbosch.siteId,
        expectedPartyIds: [hertogenbosch.gemeenteId, hertogenbosch.initiativeId],
      });
      const commitmentId = await story.commitment({
        programmeId,
        byPartyId: vsbfonds,
        toPartyIds: [hertogenbosch.initiativeId],
        responsiblePersonId: person,
        kind: 'fund',
        amountInCents: 1_000_000,
      });
      const payment = await story.record('/payments', {
        fromPartyId: vsbfonds,
        toPartyId: hertogenbosch.initiativeId,
        amountInCents: 1_000_000,
        purpose: 'programme-contribution',
        paidOn: '2023-06-01',
        settlesCommitmentId: commitmentId,
      });
      const invoice = await story.record('/invoices', {
        fromPartyId: hertogenbosch.initiativeId,
        toPartyId: hertogenbosch.gemeenteId,
        amountInCents: 48_000,
        description: 'Inbreng in de werkgroep wijkbudget, 6 uur',
        submittedOn: '2023-07-03',
      });
      Object.assign(ids, {
        programme: programmeId,
        party: vsbfonds,
        person,
        role: roleId,
        meeting: String(meeting.id),
        commitment: commitmentId,
        payment: String(payment.id),
        invoice: String(invoice.id),
      });
    });

    it.each([
      ['programme', 'ProgrammeLaunched'],
      ['party', 'PartyRegistered'],
      ['person', 'PersonRegistered'],
      ['role', 'RoleAssigned'],
      ['meeting', 'MeetingScheduled'],
      ['commitment', 'CommitmentMade'],
      ['payment', 'PaymentMade'],
      ['invoice', 'InvoiceSubmitted'],
    ])('answers the history of the %s, starting with %s', async (entity, firstType) => {
      const answer = await api.get<History>(`/history/${entity}/${ids[entity]}`);

      expect(answer.status).toBe(200);
      expect(answer.body.streamName).toBe(`${entity}-${ids[entity]}`);
      expect(answer.body.events[0]).toMatchObject({ revision: 0, type: firstType });
    });

    it.each(['programme', 'party', 'person', 'role', 'meeting', 'commitment', 'payment', 'invoice'])(
      'answers an unknown %s with a 404',
      async (entity) => {
        await expectRefused(api, () => api.get(`/history/${entity}/${freshId('nergens')}`), 404, `${entity}-not-found`);
      },
    );
  });

  it('answers a commitment that was never made with a 404, also when paging from a later revision', async () => {
    await expectRefused(
      api,
      () => api.get(`/history/commitment/${freshId('toezegging-onbekend')}?fromRevision=2`),
      404,
      'commitment-not-found',
    );
  });

  it.each([
    ['an entity kind the ledger does not know', '/history/toezegging/tynaarlo-begroting', ['entity']],
    ['a site (sites live in their programme’s history)', '/history/site/kampen', ['entity']],
    ['a malformed id', '/history/commitment/Tynaarlo%20Begroting', ['id']],
    ['a limit of zero', '/history/programme/samen?limit=0', ['limit']],
    ['a limit over 1000', '/history/programme/samen?limit=1001', ['limit']],
    ['a limit that is no number', '/history/programme/samen?limit=veel', ['limit']],
    ['a negative fromRevision', '/history/programme/samen?fromRevision=-1', ['fromRevision']],
    ['a fractional fromRevision', '/history/programme/samen?fromRevision=1.5', ['fromRevision']],
    ['an unknown query parameter', '/history/programme/samen?since=2023-01-01', ['since']],
  ])('refuses %s with a 400 naming it', async (_case, path, fields) => {
    await expectInvalid(api, () => api.get(path), fields);
  });
});
