import {
  anHourFromNow,
  expectAccepted,
  expectInvalid,
  expectRefused,
  freshId,
  newFacts,
  Story,
  UUID,
} from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

describe('commitments over HTTP', () => {
  let api: LedgerApi;
  let story: Story;
  let programmeId: string;
  let tynaarlo: { siteId: string; gemeenteId: string; initiativeId: string };
  let oranjeFonds: string;
  let beleidsadviseur: string;
  let roleId: string;
  /** An open commitment that only refused requests are sent to, so it stays open. */
  let unchanged: string;

  beforeAll(async () => {
    api = await startLedgerApi();
    story = new Story(api);
    programmeId = await story.programme();
    tynaarlo = await story.site(programmeId, 'Tynaarlo');
    oranjeFonds = await story.party('fund', 'Oranje Fonds');
    beleidsadviseur = await story.person('Lotte Postma');
    roleId = await story.role({ partyId: tynaarlo.gemeenteId, personId: beleidsadviseur });
    unchanged = await openCommitment();
  });
  afterAll(async () => api.close());

  /** "Put the initiative in the municipal budget": gemeente Tynaarlo to its initiative, through a role. */
  const make = (overrides: object = {}) => ({
    commitmentId: freshId('tynaarlo-begroting'),
    programmeId,
    siteId: tynaarlo.siteId,
    byPartyId: tynaarlo.gemeenteId,
    byRoleId: roleId,
    responsiblePersonId: beleidsadviseur,
    toPartyIds: [tynaarlo.initiativeId],
    kind: 'change-policy',
    description: 'Het bewonersinitiatief opnemen in de gemeentebegroting',
    dueOn: '2024-01-01',
    ...overrides,
  });

  async function openCommitment(overrides: object = {}): Promise<string> {
    const body = make(overrides);
    await story.record('/commitments', body);
    return body.commitmentId;
  }

  describe('POST /commitments', () => {
    it('makes a commitment through a role and records CommitmentMade at the moment it happened', async () => {
      const body = make();
      const before = await api.store.headPosition();

      const answer = await api.post('/commitments', { ...body, occurredAt: '2023-04-12T20:30:00+02:00' });

      const accepted = expectAccepted(answer, {
        id: body.commitmentId,
        streamName: `commitment-${body.commitmentId}`,
        revision: 0,
      });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `commitment-${body.commitmentId}`,
          revision: 0,
          position: accepted.position,
          type: 'CommitmentMade',
          data: { ...body, visibility: { kind: 'shared' } },
          occurredAt: '2023-04-12T20:30:00+02:00',
        },
      ]);
    });

    it('makes a commitment of money with its amount in euro cents', async () => {
      const body = make({
        byPartyId: oranjeFonds,
        byRoleId: undefined,
        kind: 'fund',
        description: 'Bijdrage aan de proeftuin Tynaarlo',
        amountInCents: 2_500_000,
      });
      const before = await api.store.headPosition();

      expectAccepted(await api.post('/commitments', body), {
        id: body.commitmentId,
        streamName: `commitment-${body.commitmentId}`,
        revision: 0,
      });

      expect(await newFacts(api, before)).toMatchObject([
        {
          type: 'CommitmentMade',
          data: { kind: 'fund', amountInCents: 2_500_000, byPartyId: oranjeFonds, visibility: { kind: 'shared' } },
        },
      ]);
    });

    it('makes a commitment without an id under a new uuid', async () => {
      const { commitmentId: _commitmentId, ...body } = make();
      const before = await api.store.headPosition();

      const answer = await api.post('/commitments', body);

      expect(answer.status).toBe(201);
      const id = String(answer.body.id);
      expectAccepted(answer, { id: UUID, streamName: `commitment-${id}`, revision: 0 });
      expect((await newFacts(api, before)).map((fact) => fact.data)).toEqual([
        { ...body, commitmentId: id, visibility: { kind: 'shared' } },
      ]);
    });

    it('records the visibility it is given, restricted to named parties', async () => {
      const body = make({ visibility: { kind: 'parties', partyIds: [oranjeFonds] } });
      const before = await api.store.headPosition();

      expect((await api.post('/commitments', body)).status).toBe(201);
      expect((await newFacts(api, before)).map((fact) => (fact.data as { visibility: unknown }).visibility)).toEqual([
        { kind: 'parties', partyIds: [oranjeFonds] },
      ]);
    });

    it.each([
      ['an unknown kind', { kind: 'everyone' }, 'visibility'],
      ['an empty list of parties', { kind: 'parties', partyIds: [] }, 'visibility'],
      ['a party that is not registered', { kind: 'parties', partyIds: ['gemeente-nergens'] }, 'visibility.partyIds'],
    ])('refuses a visibility of %s with a 400 naming the field, and writes nothing', async (_, visibility, field) => {
      const before = await api.store.headPosition();

      const answer = await api.post('/commitments', make({ visibility }));

      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(`"${field}"`);
      expect(await api.store.headPosition()).toBe(before);
    });

    it('answers a retried commitment without an id with the same commitment, replayed, and appends nothing', async () => {
      const { commitmentId: _commitmentId, ...body } = make();
      const key = freshId('toezegging-begroting');
      const first = await api.post('/commitments', body, { 'idempotency-key': key });
      const before = await api.store.headPosition();

      const retry = await api.post('/commitments', body, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(first.body.id).toMatch(UUID);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it('makes a second commitment when the same body comes with another Idempotency-Key', async () => {
      const { commitmentId: _commitmentId, ...body } = make();
      const first = await api.post('/commitments', body, { 'idempotency-key': freshId('sleutel') });

      const second = await api.post('/commitments', body, { 'idempotency-key': freshId('sleutel') });

      expect(second.status).toBe(201);
      expect(second.body.replayed).toBe(false);
      expect(second.body.id).not.toBe(first.body.id);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        {
          programmeId: undefined,
          byPartyId: undefined,
          responsiblePersonId: undefined,
          toPartyIds: undefined,
          kind: undefined,
          description: undefined,
        },
        ['programmeId', 'byPartyId', 'responsiblePersonId', 'toPartyIds', 'kind', 'description'],
      ],
      [
        'fields of the wrong type',
        { toPartyIds: 'plaats-de-wereld', description: 42, dueOn: 20240101, kind: ['fund'] },
        ['toPartyIds', 'description', 'dueOn', 'kind'],
      ],
      [
        'malformed ids',
        {
          commitmentId: 'Tynaarlo Begroting',
          byPartyId: 'Oranje Fonds',
          byRoleId: 'Rol!',
          responsiblePersonId: 'LP',
          toPartyIds: ['VSBfonds'],
          siteId: 'tynaarlo/vries',
        },
        ['commitmentId', 'byPartyId', 'byRoleId', 'responsiblePersonId', 'toPartyIds', 'siteId'],
      ],
      ['a kind the ledger does not know', { kind: 'promise' }, ['kind']],
      ['nobody to commit to', { toPartyIds: [] }, ['toPartyIds']],
      ['a due date that does not exist', { dueOn: '2023-02-30' }, ['dueOn']],
      ['a description longer than 2000 characters', { description: 'd'.repeat(2001) }, ['description']],
      ['an unknown extra field', { status: 'fulfilled' }, ['status']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['an amount of zero', { amountInCents: 0 }, ['amountInCents']],
      ['a negative amount', { amountInCents: -2_500_000 }, ['amountInCents']],
      ['a fractional amount', { amountInCents: 12.5 }, ['amountInCents']],
      ['an amount over ten million euro', { amountInCents: 1_000_000_001 }, ['amountInCents']],
      ['an amount written as a string', { amountInCents: '2500000' }, ['amountInCents']],
      ['an amount written as a boolean', { amountInCents: true }, ['amountInCents']],
      ['an amount of null', { amountInCents: null }, ['amountInCents']],
      ['a site of null', { siteId: null }, ['siteId']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/commitments', make(overrides)), fields);
    });

    it.each<[string, string, () => object]>([
      ['programme', 'programme-not-found', () => ({ programmeId: 'programma-nergenshuizen', siteId: undefined })],
      ['site', 'site-not-found', () => ({ siteId: 'nergenshuizen' })],
      ['committing party', 'party-not-found', () => ({ byPartyId: 'gemeente-nergenshuizen' })],
      ['party committed to', 'party-not-found', () => ({ toPartyIds: [tynaarlo.initiativeId, 'dorpshuis-nergens'] })],
      ['role', 'role-not-found', () => ({ byRoleId: 'rol-nergenshuizen' })],
      ['responsible person', 'person-not-found', () => ({ responsiblePersonId: 'person-nergenshuizen' })],
    ])('refuses a commitment naming an unknown %s with a 404', async (_thing, code, overrides) => {
      await expectRefused(api, () => api.post('/commitments', make(overrides())), 404, code);
    });

    it('refuses a commitment that was already made with commitment-already-made', async () => {
      const commitmentId = await openCommitment();

      await expectRefused(api, () => api.post('/commitments', make({ commitmentId })), 422, 'commitment-already-made');
    });

    it('refuses a commitment of a party to itself with commitment-to-self', async () => {
      await expectRefused(
        api,
        () => api.post('/commitments', make({ toPartyIds: [tynaarlo.initiativeId, tynaarlo.gemeenteId] })),
        422,
        'commitment-to-self',
      );
    });

    it.each(['fund', 'attendance-fee'])(
      'refuses a %s commitment without an amount with amount-required',
      async (kind) => {
        await expectRefused(api, () => api.post('/commitments', make({ kind })), 422, 'amount-required');
      },
    );
  });

  describe('POST /commitments/:commitmentId/amendments', () => {
    it('records CommitmentAmended with only the terms that change', async () => {
      const commitmentId = await openCommitment();
      const before = await api.store.headPosition();

      const answer = await api.post(`/commitments/${commitmentId}/amendments`, {
        dueOn: '2025-01-01',
        reason: 'Raadsbesluit uitgesteld',
        occurredAt: '2023-11-08T21:00:00+01:00',
      });

      const accepted = expectAccepted(answer, { streamName: `commitment-${commitmentId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `commitment-${commitmentId}`,
          revision: 1,
          position: accepted.position,
          type: 'CommitmentAmended',
          data: {
            commitmentId,
            dueOn: '2025-01-01',
            reason: 'Raadsbesluit uitgesteld',
            visibility: { kind: 'shared' },
          },
          occurredAt: '2023-11-08T21:00:00+01:00',
        },
      ]);
    });

    it('accepts an amendment sent with If-Match naming the current revision', async () => {
      const commitmentId = await openCommitment();

      const answer = await api.post(
        `/commitments/${commitmentId}/amendments`,
        { description: 'Opnemen in de begroting 2025', reason: 'Raadsbesluit uitgesteld' },
        { 'if-match': '"0"' },
      );

      expectAccepted(answer, { streamName: `commitment-${commitmentId}`, revision: 1 });
    });

    it('refuses an amendment sent with a stale If-Match with a 409 carrying the current revision', async () => {
      const commitmentId = await openCommitment();
      await story.record(`/commitments/${commitmentId}/amendments`, { dueOn: '2024-06-01', reason: 'Eerste uitstel' });

      const problem = await expectRefused(
        api,
        () =>
          api.post(
            `/commitments/${commitmentId}/amendments`,
            { dueOn: '2025-01-01', reason: 'Tweede uitstel' },
            { 'if-match': '0' },
          ),
        409,
        'concurrent-change',
      );
      expect(problem.currentRevision).toBe(1);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['reason']],
      ['fields of the wrong type', { reason: 1, description: ['x'], dueOn: 2025 }, ['reason', 'description', 'dueOn']],
      ['a due date that does not exist', { reason: 'Uitstel', dueOn: '2025-02-29' }, ['dueOn']],
      ['an amount of zero', { reason: 'Bezuiniging', amountInCents: 0 }, ['amountInCents']],
      ['a fractional amount', { reason: 'Indexatie', amountInCents: 100.5 }, ['amountInCents']],
      ['an amount written as a string', { reason: 'Indexatie', amountInCents: '3000000' }, ['amountInCents']],
      ['a new kind, which cannot be amended', { reason: 'Anders', kind: 'fund' }, ['kind']],
      [
        'an occurredAt in the future',
        { reason: 'Uitstel', dueOn: '2025-01-01', occurredAt: anHourFromNow() },
        ['occurredAt'],
      ],
      ['a due date of null', { reason: 'Geen termijn meer', dueOn: null }, ['dueOn']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/commitments/${unchanged}/amendments`, body), fields);
    });

    it('refuses a malformed commitment id in the path with a 400 naming commitmentId', async () => {
      await expectInvalid(
        api,
        () => api.post('/commitments/Tynaarlo%20Begroting/amendments', { dueOn: '2025-01-01', reason: 'Uitstel' }),
        ['commitmentId'],
      );
    });

    it('refuses to amend a commitment that was never made with a 404', async () => {
      await expectRefused(
        api,
        () =>
          api.post(`/commitments/${freshId('toezegging-onbekend')}/amendments`, {
            dueOn: '2025-01-01',
            reason: 'Uitstel',
          }),
        404,
        'commitment-not-found',
      );
    });

    it('refuses an amendment that changes nothing with amendment-changes-nothing', async () => {
      const commitmentId = await openCommitment();

      await expectRefused(
        api,
        () => api.post(`/commitments/${commitmentId}/amendments`, { dueOn: '2024-01-01', reason: 'Bevestiging' }),
        422,
        'amendment-changes-nothing',
      );
    });

    it('refuses to amend a commitment that was fulfilled with commitment-not-open', async () => {
      const commitmentId = await openCommitment();
      await story.record(`/commitments/${commitmentId}/fulfilment`, { evidence: 'Begroting 2024, post 6.1.3' });

      await expectRefused(
        api,
        () => api.post(`/commitments/${commitmentId}/amendments`, { dueOn: '2025-01-01', reason: 'Uitstel' }),
        422,
        'commitment-not-open',
      );
    });
  });

  describe('POST /commitments/:commitmentId/ownership', () => {
    it('records CommitmentOwnershipTransferred from the responsible person to the new one', async () => {
      const commitmentId = await openCommitment();
      const successor = await story.person('Tijmen Kuipers');
      const newRole = await story.role({ partyId: tynaarlo.gemeenteId, personId: successor, title: 'Wijkcoördinator' });
      const before = await api.store.headPosition();

      const answer = await api.post(`/commitments/${commitmentId}/ownership`, {
        toPersonId: successor,
        toRoleId: newRole,
        reason: 'Overgenomen na vertrek van de beleidsadviseur',
        occurredAt: '2023-10-02T09:00:00+02:00',
      });

      const accepted = expectAccepted(answer, { streamName: `commitment-${commitmentId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `commitment-${commitmentId}`,
          revision: 1,
          position: accepted.position,
          type: 'CommitmentOwnershipTransferred',
          data: {
            commitmentId,
            toPersonId: successor,
            toRoleId: newRole,
            reason: 'Overgenomen na vertrek van de beleidsadviseur',
            fromPersonId: beleidsadviseur,
            visibility: { kind: 'shared' },
          },
          occurredAt: '2023-10-02T09:00:00+02:00',
        },
      ]);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['toPersonId', 'reason']],
      ['fields of the wrong type', { toPersonId: 5, reason: false }, ['toPersonId', 'reason']],
      [
        'malformed ids',
        { toPersonId: 'Tijmen Kuipers', toRoleId: 'Wijk Coördinator', reason: 'Vertrek' },
        ['toPersonId', 'toRoleId'],
      ],
      [
        'an unknown extra field',
        { toPersonId: 'person-1', reason: 'Vertrek', fromPersonId: 'person-2' },
        ['fromPersonId'],
      ],
      [
        'an occurredAt in the future',
        { toPersonId: 'person-1', reason: 'Vertrek', occurredAt: anHourFromNow() },
        ['occurredAt'],
      ],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/commitments/${unchanged}/ownership`, body), fields);
    });

    it('refuses a malformed commitment id in the path with a 400 naming commitmentId', async () => {
      await expectInvalid(
        api,
        () => api.post('/commitments/-/ownership', { toPersonId: 'person-1', reason: 'Vertrek' }),
        ['commitmentId'],
      );
    });

    it('refuses a transfer of a commitment that was never made with a 404', async () => {
      const successor = await story.person('Tijmen Kuipers');

      await expectRefused(
        api,
        () =>
          api.post(`/commitments/${freshId('toezegging-onbekend')}/ownership`, {
            toPersonId: successor,
            reason: 'Vertrek',
          }),
        404,
        'commitment-not-found',
      );
    });

    it('refuses a transfer to a person who was never registered with a 404', async () => {
      const commitmentId = await openCommitment();

      await expectRefused(
        api,
        () =>
          api.post(`/commitments/${commitmentId}/ownership`, {
            toPersonId: freshId('person-onbekend'),
            reason: 'Vertrek',
          }),
        404,
        'person-not-found',
      );
    });

    it('refuses a transfer to a role that was never assigned with a 404', async () => {
      const commitmentId = await openCommitment();
      const successor = await story.person('Tijmen Kuipers');

      await expectRefused(
        api,
        () =>
          api.post(`/commitments/${commitmentId}/ownership`, {
            toPersonId: successor,
            toRoleId: freshId('rol-onbekend'),
            reason: 'Vertrek',
          }),
        404,
        'role-not-found',
      );
    });

    it('refuses a transfer to the person who already owns it with already-the-owner', async () => {
      const commitmentId = await openCommitment();

      await expectRefused(
        api,
        () =>
          api.post(`/commitments/${commitmentId}/ownership`, {
            toPersonId: beleidsadviseur,
            reason: 'Bevestiging',
          }),
        422,
        'already-the-owner',
      );
    });

    it('refuses a transfer of a commitment that was withdrawn with commitment-not-open', async () => {
      const commitmentId = await openCommitment();
      await story.record(`/commitments/${commitmentId}/withdrawal`, { reason: 'Initiatief gestopt' });
      const successor = await story.person('Tijmen Kuipers');

      await expectRefused(
        api,
        () => api.post(`/commitments/${commitmentId}/ownership`, { toPersonId: successor, reason: 'Vertrek' }),
        422,
        'commitment-not-open',
      );
    });
  });

  describe.each([
    {
      path: 'fulfilment',
      type: 'CommitmentFulfilled',
      field: 'evidence',
      text: 'Begroting 2024, programma 6, post 6.1.3',
    },
    { path: 'breach', type: 'CommitmentBroken', field: 'reason', text: 'De gemeenteraad stemde tegen' },
    { path: 'withdrawal', type: 'CommitmentWithdrawn', field: 'reason', text: 'Het initiatief is gestopt' },
  ])('POST /commitments/:commitmentId/$path', ({ path, type, field, text }) => {
    it(`records ${type} with the ${field}`, async () => {
      const commitmentId = await openCommitment();
      const before = await api.store.headPosition();

      const answer = await api.post(`/commitments/${commitmentId}/${path}`, {
        [field]: text,
        occurredAt: '2024-01-15T11:00:00+01:00',
      });

      const accepted = expectAccepted(answer, { streamName: `commitment-${commitmentId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `commitment-${commitmentId}`,
          revision: 1,
          position: accepted.position,
          type,
          data: { commitmentId, [field]: text, visibility: { kind: 'shared' } },
          occurredAt: '2024-01-15T11:00:00+01:00',
        },
      ]);
    });

    it('answers a retry with the same Idempotency-Key with the first answer, replayed, and appends nothing', async () => {
      const commitmentId = await openCommitment();
      const key = freshId(path);
      const first = await api.post(
        `/commitments/${commitmentId}/${path}`,
        { [field]: text },
        { 'idempotency-key': key },
      );
      const before = await api.store.headPosition();

      const retry = await api.post(
        `/commitments/${commitmentId}/${path}`,
        { [field]: text },
        { 'idempotency-key': key },
      );

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, [field]],
      [`a ${field} of the wrong type`, { [field]: 2024 }, [field]],
      [`an empty ${field}`, { [field]: '' }, [field]],
      ['an unknown extra field', { [field]: text, status: 'closed' }, ['status']],
      ['an occurredAt in the future', { [field]: text, occurredAt: anHourFromNow() }, ['occurredAt']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/commitments/${unchanged}/${path}`, body), fields);
    });

    it('refuses a malformed commitment id in the path with a 400 naming commitmentId', async () => {
      await expectInvalid(api, () => api.post(`/commitments/Begroting/${path}`, { [field]: text }), ['commitmentId']);
    });

    it('refuses a commitment that was never made with a 404', async () => {
      await expectRefused(
        api,
        () => api.post(`/commitments/${freshId('toezegging-onbekend')}/${path}`, { [field]: text }),
        404,
        'commitment-not-found',
      );
    });

    it.each([
      ['fulfilled', 'fulfilment', { evidence: 'Begroting 2024' }],
      ['broken', 'breach', { reason: 'Raad stemde tegen' }],
      ['withdrawn', 'withdrawal', { reason: 'Initiatief gestopt' }],
    ])('refuses a commitment that was %s with commitment-not-open', async (_status, closing, closingBody) => {
      const commitmentId = await openCommitment();
      await story.record(`/commitments/${commitmentId}/${closing}`, closingBody);

      await expectRefused(
        api,
        () => api.post(`/commitments/${commitmentId}/${path}`, { [field]: text }),
        422,
        'commitment-not-open',
      );
    });
  });
});
