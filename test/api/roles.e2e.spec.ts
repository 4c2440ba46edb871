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

describe('roles and handovers over HTTP', () => {
  let api: LedgerApi;
  let story: Story;
  let programmeId: string;
  let kampen: { siteId: string; gemeenteId: string; initiativeId: string };
  /** Roles that only refused requests are sent to, so they stay as they were set up. */
  let unchanged: { held: string; vacant: string; previousHolder: string };

  beforeAll(async () => {
    api = await startLedgerApi();
    story = new Story(api);
    programmeId = await story.programme();
    kampen = await story.site(programmeId, 'Kampen');
    const held = await heldRole();
    const vacant = await vacatedRole();
    unchanged = { held: held.roleId, vacant: vacant.roleId, previousHolder: vacant.previousHolder };
  });
  afterAll(async () => api.close());

  /** A role at gemeente Kampen, held by a newly registered person. */
  async function heldRole(holderName = 'Joris van Dalen'): Promise<{ roleId: string; holder: string }> {
    const holder = await story.person(holderName);
    const roleId = await story.role({ partyId: kampen.gemeenteId, personId: holder });
    return { roleId, holder };
  }

  /** A role whose holder has left it. */
  async function vacatedRole(): Promise<{ roleId: string; previousHolder: string }> {
    const { roleId, holder } = await heldRole('Maaike Brouwer');
    await story.record(`/roles/${roleId}/vacate`, { personId: holder, reason: 'Andere baan bij de provincie' });
    return { roleId, previousHolder: holder };
  }

  describe('POST /roles', () => {
    const assign = (overrides: object = {}) => ({
      roleId: freshId('kampen-beleidsadviseur'),
      partyId: kampen.gemeenteId,
      programmeId,
      siteId: kampen.siteId,
      title: 'Beleidsadviseur sociaal domein',
      personId: 'person-onbekend',
      ...overrides,
    });

    it('assigns a role for a site and records RoleAssigned at the moment it happened', async () => {
      const personId = await story.person('Joris van Dalen');
      const body = assign({ personId, occurredAt: '2023-01-09T09:00:00+01:00' });
      const before = await api.store.headPosition();

      const answer = await api.post('/roles', body);

      const accepted = expectAccepted(answer, { id: body.roleId, streamName: `role-${body.roleId}`, revision: 0 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `role-${body.roleId}`,
          revision: 0,
          position: accepted.position,
          type: 'RoleAssigned',
          data: {
            roleId: body.roleId,
            partyId: kampen.gemeenteId,
            programmeId,
            siteId: kampen.siteId,
            title: 'Beleidsadviseur sociaal domein',
            personId,
            visibility: { kind: 'shared' },
          },
          occurredAt: '2023-01-09T09:00:00+01:00',
        },
      ]);
    });

    it('assigns a role without an id under a new uuid', async () => {
      const personId = await story.person('Femke Wessels');
      const { roleId: _roleId, programmeId: _programme, siteId: _site, ...body } = assign({ personId });
      const before = await api.store.headPosition();

      const answer = await api.post('/roles', body);

      expect(answer.status).toBe(201);
      const id = String(answer.body.id);
      expectAccepted(answer, { id: UUID, streamName: `role-${id}`, revision: 0 });
      expect(await newFacts(api, before)).toMatchObject([
        {
          streamName: `role-${id}`,
          type: 'RoleAssigned',
          data: { roleId: id, personId, visibility: { kind: 'shared' } },
        },
      ]);
    });

    it('answers a retried assignment without an id with the same role, replayed, and appends nothing', async () => {
      const personId = await story.person('Lotte Postma');
      const { roleId: _roleId, ...body } = assign({ personId });
      const key = freshId('toekenning');
      const first = await api.post('/roles', body, { 'idempotency-key': key });
      const before = await api.store.headPosition();

      const retry = await api.post('/roles', body, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        { partyId: undefined, title: undefined, personId: undefined },
        ['partyId', 'title', 'personId'],
      ],
      [
        'fields of the wrong type',
        { partyId: ['gemeente-kampen'], title: 12, personId: true },
        ['partyId', 'title', 'personId'],
      ],
      [
        'malformed ids',
        { roleId: 'Kampen Beleidsadviseur', programmeId: 'SAMEN', siteId: 'kampen!' },
        ['roleId', 'programmeId', 'siteId'],
      ],
      ['an unknown extra field', { salaryScale: 11 }, ['salaryScale']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['a programme of null', { programmeId: null, siteId: undefined }, ['programmeId']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/roles', assign(overrides)), fields);
    });

    it('refuses a site without its programme with a 400 naming programmeId', async () => {
      const personId = await story.person('Tijmen Kuipers');

      await expectInvalid(
        api,
        () => api.post('/roles', assign({ personId, programmeId: undefined, siteId: 'nergenshuizen' })),
        ['programmeId'],
      );
    });

    it.each<[string, string, (personId: string) => object]>([
      ['party', 'party-not-found', (personId) => ({ personId, partyId: 'gemeente-nergenshuizen' })],
      ['person', 'person-not-found', () => ({ personId: 'person-nergenshuizen' })],
      ['programme', 'programme-not-found', (personId) => ({ personId, programmeId: 'programma-nergenshuizen' })],
      ['site', 'site-not-found', (personId) => ({ personId, siteId: 'nergenshuizen' })],
    ])('refuses a role naming an unknown %s with a 404', async (_thing, code, overrides) => {
      const personId = await story.person('Joris van Dalen');

      await expectRefused(api, () => api.post('/roles', assign(overrides(personId))), 404, code);
    });

    it('refuses to assign a role that already exists with role-already-assigned', async () => {
      const { roleId } = await heldRole();
      const other = await story.person('Femke Wessels');

      await expectRefused(
        api,
        () => api.post('/roles', assign({ roleId, personId: other })),
        422,
        'role-already-assigned',
      );
    });
  });

  describe('POST /roles/:roleId/vacate', () => {
    it('records RoleVacated when the holder leaves, with the reason', async () => {
      const { roleId, holder } = await heldRole();
      const before = await api.store.headPosition();

      const answer = await api.post(`/roles/${roleId}/vacate`, {
        personId: holder,
        reason: 'Andere baan bij de provincie',
        occurredAt: '2023-06-30T17:00:00+02:00',
      });

      const accepted = expectAccepted(answer, { streamName: `role-${roleId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `role-${roleId}`,
          revision: 1,
          position: accepted.position,
          type: 'RoleVacated',
          data: { roleId, personId: holder, reason: 'Andere baan bij de provincie', visibility: { kind: 'shared' } },
          occurredAt: '2023-06-30T17:00:00+02:00',
        },
      ]);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['personId', 'reason']],
      ['fields of the wrong type', { personId: 3, reason: { tekst: 'weg' } }, ['personId', 'reason']],
      ['a malformed person id', { personId: 'Joris van Dalen', reason: 'Pensioen' }, ['personId']],
      ['a reason longer than 1000 characters', { personId: 'person-1', reason: 'x'.repeat(1001) }, ['reason']],
      ['an unknown extra field', { personId: 'person-1', reason: 'Pensioen', roleId: 'rol-1' }, ['roleId']],
      [
        'an occurredAt in the future',
        { personId: 'person-1', reason: 'Pensioen', occurredAt: anHourFromNow() },
        ['occurredAt'],
      ],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/roles/${unchanged.held}/vacate`, body), fields);
    });

    it('refuses a malformed role id in the path with a 400 naming roleId', async () => {
      await expectInvalid(
        api,
        () => api.post('/roles/Kampen_Beleid/vacate', { personId: 'person-1', reason: 'Pensioen' }),
        ['roleId'],
      );
    });

    it('refuses to vacate a role that was never assigned with a 404', async () => {
      const personId = await story.person('Joris van Dalen');

      await expectRefused(
        api,
        () => api.post(`/roles/${freshId('rol-onbekend')}/vacate`, { personId, reason: 'Pensioen' }),
        404,
        'role-not-found',
      );
    });

    it('refuses a departure by someone who does not hold the role with not-the-current-holder', async () => {
      const { roleId } = await heldRole();
      const someoneElse = await story.person('Noor El Amrani');

      await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/vacate`, { personId: someoneElse, reason: 'Pensioen' }),
        422,
        'not-the-current-holder',
      );
    });

    it('refuses to vacate a role that is already vacant with not-the-current-holder', async () => {
      const { roleId, previousHolder } = await vacatedRole();

      await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/vacate`, { personId: previousHolder, reason: 'Nogmaals' }),
        422,
        'not-the-current-holder',
      );
    });

    it('refuses a departure sent with a stale If-Match with a 409 carrying the current revision', async () => {
      const { roleId } = await vacatedRole();
      const successor = await story.person('Femke Wessels');
      await story.record(`/roles/${roleId}/successor`, { personId: successor });

      const problem = await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/vacate`, { personId: successor, reason: 'Pensioen' }, { 'if-match': '1' }),
        409,
        'concurrent-change',
      );
      expect(problem.currentRevision).toBe(2);
    });
  });

  describe('POST /roles/:roleId/successor', () => {
    it('records SuccessorAppointed naming the previous holder', async () => {
      const { roleId, previousHolder } = await vacatedRole();
      const successor = await story.person('Femke Wessels');
      const before = await api.store.headPosition();

      const answer = await api.post(`/roles/${roleId}/successor`, {
        personId: successor,
        occurredAt: '2023-09-01T09:00:00+02:00',
      });

      const accepted = expectAccepted(answer, { streamName: `role-${roleId}`, revision: 2 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `role-${roleId}`,
          revision: 2,
          position: accepted.position,
          type: 'SuccessorAppointed',
          data: { roleId, personId: successor, previousPersonId: previousHolder, visibility: { kind: 'shared' } },
          occurredAt: '2023-09-01T09:00:00+02:00',
        },
      ]);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['personId']],
      ['a person id of the wrong type', { personId: 42 }, ['personId']],
      ['a malformed person id', { personId: 'Femke Wessels' }, ['personId']],
      ['an unknown extra field', { personId: 'person-1', startsOn: '2023-09-01' }, ['startsOn']],
      ['an occurredAt in the future', { personId: 'person-1', occurredAt: anHourFromNow() }, ['occurredAt']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/roles/${unchanged.vacant}/successor`, body), fields);
    });

    it('refuses a malformed role id in the path with a 400 naming roleId', async () => {
      await expectInvalid(api, () => api.post('/roles/ROL/successor', { personId: 'person-1' }), ['roleId']);
    });

    it('refuses a successor for a role that was never assigned with a 404', async () => {
      const successor = await story.person('Femke Wessels');

      await expectRefused(
        api,
        () => api.post(`/roles/${freshId('rol-onbekend')}/successor`, { personId: successor }),
        404,
        'role-not-found',
      );
    });

    it('refuses a successor who was never registered with a 404', async () => {
      const { roleId } = await vacatedRole();

      await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/successor`, { personId: freshId('person-onbekend') }),
        404,
        'person-not-found',
      );
    });

    it('refuses a successor while the role is still held with role-is-held', async () => {
      const { roleId } = await heldRole();
      const successor = await story.person('Femke Wessels');

      await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/successor`, { personId: successor }),
        422,
        'role-is-held',
      );
    });
  });

  describe('POST /roles/:roleId/handovers', () => {
    const handover = (overrides: object = {}) => ({
      fromPersonId: 'person-1',
      toPersonId: 'person-2',
      handedOverOn: '2023-09-15',
      transferredCommitmentIds: [],
      introducedToPartners: true,
      ...overrides,
    });

    /** An open commitment of gemeente Kampen to its initiative, made through the role. */
    const openCommitment = (roleId: string, responsiblePersonId: string) =>
      story.commitment({
        programmeId,
        siteId: kampen.siteId,
        byPartyId: kampen.gemeenteId,
        byRoleId: roleId,
        toPartyIds: [kampen.initiativeId],
        responsiblePersonId,
      });

    it('records HandoverRecorded from the leaver to the successor, with the open commitments passed on', async () => {
      const { roleId, previousHolder } = await vacatedRole();
      const commitmentId = await openCommitment(roleId, previousHolder);
      const successor = await story.person('Femke Wessels');
      await story.record(`/roles/${roleId}/successor`, { personId: successor });
      const handoverId = freshId('overdracht-kampen');
      const before = await api.store.headPosition();

      const answer = await api.post(`/roles/${roleId}/handovers`, {
        handoverId,
        fromPersonId: previousHolder,
        toPersonId: successor,
        handedOverOn: '2023-09-15',
        transferredCommitmentIds: [commitmentId],
        introducedToPartners: true,
        note: 'Warme overdracht; de initiatiefnemers kennen de opvolger nog niet.',
        occurredAt: '2023-09-15T16:00:00+02:00',
      });

      const accepted = expectAccepted(answer, { id: handoverId, streamName: `role-${roleId}`, revision: 3 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `role-${roleId}`,
          revision: 3,
          position: accepted.position,
          type: 'HandoverRecorded',
          data: {
            roleId,
            handoverId,
            fromPersonId: previousHolder,
            toPersonId: successor,
            handedOverOn: '2023-09-15',
            transferredCommitmentIds: [commitmentId],
            introducedToPartners: true,
            note: 'Warme overdracht; de initiatiefnemers kennen de opvolger nog niet.',
            visibility: { kind: 'shared' },
          },
          occurredAt: '2023-09-15T16:00:00+02:00',
        },
      ]);
    });

    it('records a handover to nobody yet under a new uuid', async () => {
      const { roleId, previousHolder } = await vacatedRole();
      const before = await api.store.headPosition();

      const answer = await api.post(
        `/roles/${roleId}/handovers`,
        handover({ fromPersonId: previousHolder, toPersonId: null, introducedToPartners: false }),
      );

      expect(answer.status).toBe(201);
      const handoverId = String(answer.body.id);
      expectAccepted(answer, { id: UUID, streamName: `role-${roleId}`, revision: 2 });
      expect(await newFacts(api, before)).toMatchObject([
        {
          type: 'HandoverRecorded',
          data: {
            roleId,
            handoverId,
            fromPersonId: previousHolder,
            toPersonId: null,
            transferredCommitmentIds: [],
            introducedToPartners: false,
            visibility: { kind: 'shared' },
          },
        },
      ]);
    });

    it('answers a retried handover without an id with the same handover, replayed, and appends nothing', async () => {
      const { roleId, previousHolder } = await vacatedRole();
      const body = handover({ fromPersonId: previousHolder, toPersonId: null });
      const key = freshId('overdracht');
      const first = await api.post(`/roles/${roleId}/handovers`, body, { 'idempotency-key': key });
      const before = await api.store.headPosition();

      const retry = await api.post(`/roles/${roleId}/handovers`, body, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        {
          fromPersonId: undefined,
          toPersonId: undefined,
          handedOverOn: undefined,
          transferredCommitmentIds: undefined,
          introducedToPartners: undefined,
        },
        ['fromPersonId', 'toPersonId', 'handedOverOn', 'transferredCommitmentIds', 'introducedToPartners'],
      ],
      ['no successor at all (null means nobody yet)', { toPersonId: undefined }, ['toPersonId']],
      [
        'fields of the wrong type',
        { introducedToPartners: 'ja', transferredCommitmentIds: 'kampen-wijkbudget', handedOverOn: 20230915 },
        ['introducedToPartners', 'transferredCommitmentIds', 'handedOverOn'],
      ],
      [
        'malformed ids',
        { handoverId: 'Overdracht Kampen', fromPersonId: 'P1', transferredCommitmentIds: ['Wijkbudget'] },
        ['handoverId', 'fromPersonId', 'transferredCommitmentIds'],
      ],
      ['a date that does not exist', { handedOverOn: '2023-02-30' }, ['handedOverOn']],
      [
        'the same commitment twice',
        { transferredCommitmentIds: ['wijkbudget', 'wijkbudget'] },
        ['transferredCommitmentIds'],
      ],
      ['a note longer than 5000 characters', { note: 'n'.repeat(5001) }, ['note']],
      ['an unknown extra field', { visibility: 'public' }, ['visibility']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['a note of null', { note: null }, ['note']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(
        api,
        () =>
          api.post(
            `/roles/${unchanged.vacant}/handovers`,
            handover({ fromPersonId: unchanged.previousHolder, ...overrides }),
          ),
        fields,
      );
    });

    it('refuses a malformed role id in the path with a 400 naming roleId', async () => {
      await expectInvalid(api, () => api.post('/roles/rol%20kampen/handovers', handover()), ['roleId']);
    });

    it('refuses a handover of a role that was never assigned with a 404', async () => {
      const leaver = await story.person('Joris van Dalen');

      await expectRefused(
        api,
        () =>
          api.post(`/roles/${freshId('rol-onbekend')}/handovers`, handover({ fromPersonId: leaver, toPersonId: null })),
        404,
        'role-not-found',
      );
    });

    it('refuses a handover to a successor who was never registered with a 404', async () => {
      const { roleId, previousHolder } = await vacatedRole();

      await expectRefused(
        api,
        () =>
          api.post(
            `/roles/${roleId}/handovers`,
            handover({ fromPersonId: previousHolder, toPersonId: freshId('person-onbekend') }),
          ),
        404,
        'person-not-found',
      );
    });

    it('refuses a handover passing on a commitment that was never made with a 404', async () => {
      const { roleId, previousHolder } = await vacatedRole();

      await expectRefused(
        api,
        () =>
          api.post(
            `/roles/${roleId}/handovers`,
            handover({
              fromPersonId: previousHolder,
              toPersonId: null,
              transferredCommitmentIds: [freshId('toezegging-onbekend')],
            }),
          ),
        404,
        'commitment-not-found',
      );
    });

    it('refuses a handover by someone who never held the role with not-the-current-holder', async () => {
      const { roleId } = await vacatedRole();
      const stranger = await story.person('Noor El Amrani');

      await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/handovers`, handover({ fromPersonId: stranger, toPersonId: null })),
        422,
        'not-the-current-holder',
      );
    });

    it('refuses a second handover by the same person with handover-already-recorded', async () => {
      const { roleId, previousHolder } = await vacatedRole();
      await story.record(`/roles/${roleId}/handovers`, handover({ fromPersonId: previousHolder, toPersonId: null }));

      await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/handovers`, handover({ fromPersonId: previousHolder, toPersonId: null })),
        422,
        'handover-already-recorded',
      );
    });

    it('refuses a handover to oneself with handover-to-self', async () => {
      const { roleId, holder } = await heldRole();

      await expectRefused(
        api,
        () => api.post(`/roles/${roleId}/handovers`, handover({ fromPersonId: holder, toPersonId: holder })),
        422,
        'handover-to-self',
      );
    });

    it('refuses a handover passing on a commitment that is no longer open with commitment-not-open', async () => {
      const { roleId, previousHolder } = await vacatedRole();
      const commitmentId = await openCommitment(roleId, previousHolder);
      await story.record(`/commitments/${commitmentId}/fulfilment`, { evidence: 'Wekelijks spreekuur sinds maart' });

      await expectRefused(
        api,
        () =>
          api.post(
            `/roles/${roleId}/handovers`,
            handover({ fromPersonId: previousHolder, toPersonId: null, transferredCommitmentIds: [commitmentId] }),
          ),
        422,
        'commitment-not-open',
      );
    });
  });
});
