import {
  anHourFromNow,
  expectAccepted,
  expectInvalid,
  expectRefused,
  freshId,
  newFacts,
  Story,
} from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

describe('structure over HTTP: programmes, sites, parties and people', () => {
  let api: LedgerApi;
  let story: Story;

  beforeAll(async () => {
    api = await startLedgerApi();
    story = new Story(api);
  });
  afterAll(async () => api.close());

  describe('POST /programmes', () => {
    const launch = (overrides: object = {}) => ({
      programmeId: freshId('samen'),
      name: 'Programma SAMEN',
      startsOn: '2022-12-01',
      endsOn: '2024-11-25',
      ...overrides,
    });

    it('launches a programme and records ProgrammeLaunched at the moment it happened', async () => {
      const body = launch({ occurredAt: '2022-12-01T10:00:00+01:00' });
      const before = await api.store.headPosition();

      const answer = await api.post('/programmes', body);

      const accepted = expectAccepted(answer, { streamName: `programme-${body.programmeId}`, revision: 0 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `programme-${body.programmeId}`,
          revision: 0,
          position: accepted.position,
          type: 'ProgrammeLaunched',
          data: {
            programmeId: body.programmeId,
            name: 'Programma SAMEN',
            startsOn: '2022-12-01',
            endsOn: '2024-11-25',
            visibility: { kind: 'shared' },
          },
          occurredAt: '2022-12-01T10:00:00+01:00',
        },
      ]);
    });

    it('launches a programme without an end date and dates it now when occurredAt is left out', async () => {
      const { endsOn: _endsOn, ...body } = launch();
      const before = await api.store.headPosition();
      const sentAt = Date.now();

      const answer = await api.post('/programmes', body);

      expectAccepted(answer, { streamName: `programme-${body.programmeId}`, revision: 0 });
      const [fact] = await newFacts(api, before);
      expect(fact.data).toEqual({
        programmeId: body.programmeId,
        name: 'Programma SAMEN',
        startsOn: '2022-12-01',
        visibility: { kind: 'shared' },
      });
      expect(Date.parse(fact.occurredAt)).toBeGreaterThanOrEqual(sentAt - 1000);
      expect(Date.parse(fact.occurredAt)).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        { programmeId: undefined, name: undefined, startsOn: undefined },
        ['programmeId', 'name', 'startsOn'],
      ],
      [
        'fields of the wrong type',
        { programmeId: 42, name: ['SAMEN'], startsOn: 20221201 },
        ['programmeId', 'name', 'startsOn'],
      ],
      ['an unknown extra field', { budgetInCents: 100 }, ['budgetInCents']],
      ['a malformed programme id', { programmeId: 'Programma SAMEN' }, ['programmeId']],
      ['dates that do not exist', { startsOn: '2023-02-30', endsOn: '2024-13-01' }, ['startsOn', 'endsOn']],
      ['a date that is not YYYY-MM-DD', { startsOn: '1 december 2022' }, ['startsOn']],
      ['an empty name', { name: '' }, ['name']],
      ['a name with control characters', { name: 'Programma\u0007SAMEN' }, ['name']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['an occurredAt without a zone', { occurredAt: '2022-12-01T10:00:00' }, ['occurredAt']],
      ['an end date of null', { endsOn: null }, ['endsOn']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/programmes', launch(overrides)), fields);
    });

    it('refuses a body that is not JSON with a 400', async () => {
      await expectRefused(api, () => api.post('/programmes', '{"programmeId": "samen",'), 400, 'http-400');
    });

    it('refuses a body sent as plain text with a 415', async () => {
      await expectRefused(
        api,
        () => api.post('/programmes', 'Programma SAMEN', { 'content-type': 'text/plain' }),
        415,
        'http-415',
      );
    });

    it('refuses malformed Idempotency-Key and If-Match headers with a 400 naming both', async () => {
      await expectInvalid(
        api,
        () => api.post('/programmes', launch(), { 'idempotency-key': 'met spaties', 'if-match': 'gisteren' }),
        ['Idempotency-Key', 'If-Match'],
      );
    });

    it('refuses to launch a programme twice with programme-already-launched', async () => {
      const body = launch();
      await story.record('/programmes', body);

      await expectRefused(api, () => api.post('/programmes', body), 422, 'programme-already-launched');
    });

    it('refuses a programme that ends before it starts with programme-ends-before-it-starts', async () => {
      await expectRefused(
        api,
        () => api.post('/programmes', launch({ startsOn: '2024-11-25', endsOn: '2022-12-01' })),
        422,
        'programme-ends-before-it-starts',
      );
    });

    it('answers a retry with the same Idempotency-Key with the first answer, replayed, and appends nothing', async () => {
      const body = launch();
      const first = await api.post('/programmes', body, { 'idempotency-key': `launch-${body.programmeId}` });
      const before = await api.store.headPosition();

      const retry = await api.post('/programmes', body, { 'idempotency-key': `launch-${body.programmeId}` });

      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });
  });

  describe('POST /programmes/:programmeId/sites', () => {
    let programmeId: string;
    let gemeenteVaals: string;
    let dorpsraadVaals: string;

    beforeAll(async () => {
      programmeId = await story.programme();
      gemeenteVaals = await story.party('municipality', 'Gemeente Vaals');
      dorpsraadVaals = await story.party('initiative', 'Bewonersinitiatief Vaals');
    });

    const join = (overrides: object = {}) => ({
      siteId: freshId('vaals'),
      name: 'Proeftuin Vaals',
      initiativePartyIds: [dorpsraadVaals],
      gemeentePartyId: gemeenteVaals,
      funded: true,
      ...overrides,
    });

    it('lets a funded site join and records SiteJoined on the programme stream', async () => {
      const programme = await story.programme();
      const body = join({ occurredAt: '2023-01-16T09:30:00+01:00' });
      const before = await api.store.headPosition();

      const answer = await api.post(`/programmes/${programme}/sites`, body);

      const accepted = expectAccepted(answer, { streamName: `programme-${programme}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `programme-${programme}`,
          revision: 1,
          position: accepted.position,
          type: 'SiteJoined',
          data: {
            programmeId: programme,
            siteId: body.siteId,
            name: 'Proeftuin Vaals',
            initiativePartyIds: [dorpsraadVaals],
            gemeentePartyId: gemeenteVaals,
            funded: true,
            visibility: { kind: 'shared' },
          },
          occurredAt: '2023-01-16T09:30:00+01:00',
        },
      ]);
    });

    it('lets an unfunded site with two initiatives join', async () => {
      const gemeenteTeylingen = await story.party('municipality', 'Gemeente Teylingen');
      const first = await story.party('initiative', 'Buurtkamer Sassenheim');
      const second = await story.party('initiative', 'Dorpsoverleg Voorhout');
      const body = join({
        name: 'Proeftuin Teylingen',
        siteId: freshId('teylingen'),
        gemeentePartyId: gemeenteTeylingen,
        initiativePartyIds: [first, second],
        funded: false,
      });
      const before = await api.store.headPosition();

      const answer = await api.post(`/programmes/${programmeId}/sites`, body);

      expect(answer.status).toBe(201);
      const [fact] = await newFacts(api, before);
      expect(fact).toMatchObject({
        type: 'SiteJoined',
        data: {
          siteId: body.siteId,
          initiativePartyIds: [first, second],
          funded: false,
          visibility: { kind: 'shared' },
        },
      });
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        {
          siteId: undefined,
          name: undefined,
          initiativePartyIds: undefined,
          gemeentePartyId: undefined,
          funded: undefined,
        },
        ['siteId', 'name', 'initiativePartyIds', 'gemeentePartyId', 'funded'],
      ],
      [
        'fields of the wrong type',
        { name: 7, initiativePartyIds: 'dorpsraad-vaals', gemeentePartyId: 5, funded: 'ja' },
        ['name', 'initiativePartyIds', 'gemeentePartyId', 'funded'],
      ],
      ['the programme id in the body', { programmeId: 'samen' }, ['programmeId']],
      [
        'malformed party ids',
        { initiativePartyIds: ['Dorpsraad Vaals'], gemeentePartyId: 'Gemeente_Vaals' },
        ['initiativePartyIds', 'gemeentePartyId'],
      ],
      ['a malformed site id', { siteId: '-vaals' }, ['siteId']],
      ['no initiatives', { initiativePartyIds: [] }, ['initiativePartyIds']],
      [
        'the same initiative twice',
        { initiativePartyIds: ['dorpsraad-vaals', 'dorpsraad-vaals'] },
        ['initiativePartyIds'],
      ],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post(`/programmes/${programmeId}/sites`, join(overrides)), fields);
    });

    it('refuses a malformed programme id in the path with a 400 naming programmeId', async () => {
      await expectInvalid(api, () => api.post('/programmes/Programma%20SAMEN/sites', join()), ['programmeId']);
    });

    it('refuses a site of a programme that was never launched with a 404', async () => {
      await expectRefused(
        api,
        () => api.post(`/programmes/${freshId('onbekend-programma')}/sites`, join()),
        404,
        'programme-not-found',
      );
    });

    it.each([
      ['gemeente', { gemeentePartyId: 'gemeente-nergenshuizen' }],
      ['initiative', { initiativePartyIds: ['dorpsraad-nergenshuizen'] }],
    ])('refuses a site whose %s was never registered with a 404', async (_party, overrides) => {
      await expectRefused(
        api,
        () => api.post(`/programmes/${programmeId}/sites`, join(overrides)),
        404,
        'party-not-found',
      );
    });

    it('refuses a site that already joined the programme with site-already-joined', async () => {
      const body = join();
      await story.record(`/programmes/${programmeId}/sites`, body);

      await expectRefused(
        api,
        () => api.post(`/programmes/${programmeId}/sites`, { ...body, name: 'Proeftuin Vaals (opnieuw)' }),
        422,
        'site-already-joined',
      );
    });

    it('refuses a site whose gemeente is not a municipality with site-needs-a-gemeente', async () => {
      const vsbfonds = await story.party('fund', 'VSBfonds');

      await expectRefused(
        api,
        () => api.post(`/programmes/${programmeId}/sites`, join({ gemeentePartyId: vsbfonds })),
        422,
        'site-needs-a-gemeente',
      );
    });

    it('refuses a site whose initiatives include a party that is no initiative with site-needs-initiatives', async () => {
      const gemeenteKampen = await story.party('municipality', 'Gemeente Kampen');

      await expectRefused(
        api,
        () =>
          api.post(`/programmes/${programmeId}/sites`, join({ initiativePartyIds: [dorpsraadVaals, gemeenteKampen] })),
        422,
        'site-needs-initiatives',
      );
    });

    it('refuses a join sent with a stale If-Match with a 409 carrying the current revision', async () => {
      const programme = await story.programme();
      await story.record(`/programmes/${programme}/sites`, join());

      const problem = await expectRefused(
        api,
        () => api.post(`/programmes/${programme}/sites`, join(), { 'if-match': '0' }),
        409,
        'concurrent-change',
      );
      expect(problem.currentRevision).toBe(1);
    });

    it('accepts a join sent with If-Match naming the current revision', async () => {
      const programme = await story.programme();

      const answer = await api.post(`/programmes/${programme}/sites`, join(), { 'if-match': '"0"' });

      expectAccepted(answer, { streamName: `programme-${programme}`, revision: 1 });
    });
  });

  describe('POST /parties', () => {
    const register = (overrides: object = {}) => ({
      partyId: freshId('oranje-fonds'),
      kind: 'fund',
      name: 'Oranje Fonds',
      ...overrides,
    });

    it('registers a party and records PartyRegistered', async () => {
      const body = register({ occurredAt: '2022-11-14T12:00:00+01:00' });
      const before = await api.store.headPosition();

      const answer = await api.post('/parties', body);

      const accepted = expectAccepted(answer, { streamName: `party-${body.partyId}`, revision: 0 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `party-${body.partyId}`,
          revision: 0,
          position: accepted.position,
          type: 'PartyRegistered',
          data: { partyId: body.partyId, kind: 'fund', name: 'Oranje Fonds', visibility: { kind: 'shared' } },
          occurredAt: '2022-11-14T12:00:00+01:00',
        },
      ]);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        { partyId: undefined, kind: undefined, name: undefined },
        ['partyId', 'kind', 'name'],
      ],
      ['fields of the wrong type', { partyId: 12, kind: 3, name: false }, ['partyId', 'kind', 'name']],
      ['a kind the ledger does not know', { kind: 'gemeente' }, ['kind']],
      ['a malformed party id', { partyId: 'Stichting DOEN' }, ['partyId']],
      ['an id longer than 80 characters', { partyId: 'v'.repeat(81) }, ['partyId']],
      ['a name longer than 200 characters', { name: 'V'.repeat(201) }, ['name']],
      ['an unknown extra field', { website: 'https://www.vng.nl' }, ['website']],
      ['an occurredAt that does not exist', { occurredAt: '2023-02-29T10:00:00+01:00' }, ['occurredAt']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/parties', register(overrides)), fields);
    });

    it('refuses to register a party twice with party-already-registered', async () => {
      const body = register({ kind: 'association', name: 'VNG' });
      await story.record('/parties', body);

      await expectRefused(api, () => api.post('/parties', body), 422, 'party-already-registered');
    });
  });

  describe('POST /people', () => {
    const register = (overrides: object = {}) => ({
      personId: freshId('person'),
      name: 'Ilse Verbeek',
      ...overrides,
    });

    it('registers a person with contact details and records PersonRegistered', async () => {
      const body = register({
        email: 'ilse.verbeek@example.org',
        phone: '+31 6 00000000',
        occurredAt: '2023-02-01T09:00:00+01:00',
      });
      const before = await api.store.headPosition();

      const answer = await api.post('/people', body);

      const accepted = expectAccepted(answer, { streamName: `person-${body.personId}`, revision: 0 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `person-${body.personId}`,
          revision: 0,
          position: accepted.position,
          type: 'PersonRegistered',
          data: {
            personId: body.personId,
            name: 'Ilse Verbeek',
            email: 'ilse.verbeek@example.org',
            phone: '+31 6 00000000',
            visibility: { kind: 'shared' },
          },
          occurredAt: '2023-02-01T09:00:00+01:00',
        },
      ]);
    });

    it('registers a person with a name only, without empty contact fields', async () => {
      const body = register({ name: 'Ruben Hoekstra' });
      const before = await api.store.headPosition();

      expectAccepted(await api.post('/people', body), { streamName: `person-${body.personId}`, revision: 0 });

      const [fact] = await newFacts(api, before);
      expect(fact.data).toEqual({ personId: body.personId, name: 'Ruben Hoekstra', visibility: { kind: 'shared' } });
    });

    it.each<[string, object, string[]]>([
      ['a body without its required fields', { personId: undefined, name: undefined }, ['personId', 'name']],
      [
        'fields of the wrong type',
        { personId: 7, name: 7, email: 7, phone: 612345678 },
        ['personId', 'name', 'email', 'phone'],
      ],
      ['a malformed person id', { personId: 'Ilse Verbeek' }, ['personId']],
      ['a phone number longer than 50 characters', { phone: '0'.repeat(51) }, ['phone']],
      ['an unknown extra field', { bsn: '000000000' }, ['bsn']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['an email of null', { email: null }, ['email']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/people', register(overrides)), fields);
    });

    it('refuses to register a person twice with person-already-registered', async () => {
      const body = register({ name: 'Noor El Amrani' });
      await story.record('/people', body);

      await expectRefused(api, () => api.post('/people', body), 422, 'person-already-registered');
    });
  });
});
