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

describe('meetings and attendance over HTTP', () => {
  let api: LedgerApi;
  let story: Story;
  let programmeId: string;
  let groningen: { siteId: string; gemeenteId: string; initiativeId: string };
  let denHaag: { siteId: string; gemeenteId: string; initiativeId: string };
  /** A meeting that only refused requests are sent to, so it stays as it was set up. */
  let unchanged: { meetingId: string; personId: string };

  beforeAll(async () => {
    api = await startLedgerApi();
    story = new Story(api);
    programmeId = await story.programme();
    groningen = await story.site(programmeId, 'Groningen');
    denHaag = await story.site(programmeId, 'Den Haag');
    unchanged = await meetingWithAttendance('absent');
  });
  afterAll(async () => api.close());

  const schedule = (overrides: object = {}) => ({
    meetingId: freshId('collectief-2023-03'),
    programmeId,
    kind: 'collective',
    title: 'Collectieve bijeenkomst: samen financieren',
    startsAt: '2023-03-14T10:00:00+01:00',
    place: 'Groningen',
    hostSiteId: groningen.siteId,
    expectedPartyIds: [groningen.gemeenteId, groningen.initiativeId, denHaag.gemeenteId, denHaag.initiativeId],
    ...overrides,
  });

  async function scheduledMeeting(): Promise<string> {
    const body = schedule();
    await story.record('/meetings', body);
    return body.meetingId;
  }

  /** A meeting where a civil servant of gemeente Groningen was recorded with this status. */
  async function meetingWithAttendance(status: string): Promise<{ meetingId: string; personId: string }> {
    const meetingId = await scheduledMeeting();
    const personId = await story.person('Ilse Verbeek');
    await story.record(`/meetings/${meetingId}/attendance`, { personId, partyId: groningen.gemeenteId, status });
    return { meetingId, personId };
  }

  async function cancelledMeeting(): Promise<string> {
    const meetingId = await scheduledMeeting();
    await story.record(`/meetings/${meetingId}/cancellation`, { reason: 'Te weinig aanmeldingen' });
    return meetingId;
  }

  describe('POST /meetings', () => {
    it('schedules a meeting and records MeetingScheduled at the moment it happened', async () => {
      const body = schedule();
      const before = await api.store.headPosition();

      const answer = await api.post('/meetings', { ...body, occurredAt: '2023-02-01T12:00:00+01:00' });

      const accepted = expectAccepted(answer, {
        id: body.meetingId,
        streamName: `meeting-${body.meetingId}`,
        revision: 0,
      });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `meeting-${body.meetingId}`,
          revision: 0,
          position: accepted.position,
          type: 'MeetingScheduled',
          data: { ...body, visibility: { kind: 'shared' } },
          occurredAt: '2023-02-01T12:00:00+01:00',
        },
      ]);
    });

    it('schedules an online meeting without an id or host site under a new uuid', async () => {
      const {
        meetingId: _meetingId,
        hostSiteId: _hostSiteId,
        ...body
      } = schedule({
        kind: 'online',
        place: 'Online',
        expectedPartyIds: [],
      });
      const before = await api.store.headPosition();

      const answer = await api.post('/meetings', body);

      expect(answer.status).toBe(201);
      const id = String(answer.body.id);
      expectAccepted(answer, { id: UUID, streamName: `meeting-${id}`, revision: 0 });
      expect((await newFacts(api, before)).map((fact) => fact.data)).toEqual([
        { ...body, meetingId: id, visibility: { kind: 'shared' } },
      ]);
    });

    it('answers a retried scheduling without an id with the same meeting, replayed, and appends nothing', async () => {
      const { meetingId: _meetingId, ...body } = schedule();
      const key = freshId('plan-bijeenkomst');
      const first = await api.post('/meetings', body, { 'idempotency-key': key });
      const before = await api.store.headPosition();

      const retry = await api.post('/meetings', body, { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it.each<[string, object, string[]]>([
      [
        'a body without its required fields',
        {
          programmeId: undefined,
          kind: undefined,
          title: undefined,
          startsAt: undefined,
          place: undefined,
          expectedPartyIds: undefined,
        },
        ['programmeId', 'kind', 'title', 'startsAt', 'place', 'expectedPartyIds'],
      ],
      [
        'fields of the wrong type',
        { title: 1, place: ['Groningen'], startsAt: 1678784400000, expectedPartyIds: 'gemeente-groningen' },
        ['title', 'place', 'startsAt', 'expectedPartyIds'],
      ],
      ['a kind the ledger does not know', { kind: 'webinar' }, ['kind']],
      ['a start that does not exist', { startsAt: '2023-02-30T10:00:00+01:00' }, ['startsAt']],
      ['a start without a zone', { startsAt: '2023-03-14T10:00:00' }, ['startsAt']],
      [
        'malformed ids',
        { meetingId: 'Collectief 14 maart', programmeId: 'SAMEN', hostSiteId: 'Groningen', expectedPartyIds: ['VNG'] },
        ['meetingId', 'programmeId', 'hostSiteId', 'expectedPartyIds'],
      ],
      ['the same party expected twice', { expectedPartyIds: ['vng', 'vng'] }, ['expectedPartyIds']],
      ['an unknown extra field', { visibility: 'initiatives-only' }, ['visibility']],
      ['an occurredAt in the future', { occurredAt: anHourFromNow() }, ['occurredAt']],
      ['a host site of null', { hostSiteId: null }, ['hostSiteId']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, overrides, fields) => {
      await expectInvalid(api, () => api.post('/meetings', schedule(overrides)), fields);
    });

    it.each<[string, string, object]>([
      ['programme', 'programme-not-found', { programmeId: 'programma-nergenshuizen', hostSiteId: undefined }],
      ['host site', 'site-not-found', { hostSiteId: 'nergenshuizen' }],
      ['expected party', 'party-not-found', { expectedPartyIds: ['gemeente-nergenshuizen'] }],
    ])('refuses a meeting naming an unknown %s with a 404', async (_thing, code, overrides) => {
      await expectRefused(api, () => api.post('/meetings', schedule(overrides)), 404, code);
    });

    it('refuses to schedule a meeting that is already scheduled with meeting-already-scheduled', async () => {
      const meetingId = await scheduledMeeting();

      await expectRefused(
        api,
        () => api.post('/meetings', schedule({ meetingId, place: 'Utrecht' })),
        422,
        'meeting-already-scheduled',
      );
    });
  });

  describe('POST /meetings/:meetingId/attendance', () => {
    it('records AttendanceRecorded for a person present for their gemeente', async () => {
      const meetingId = await scheduledMeeting();
      const personId = await story.person('Ruben Hoekstra');
      const before = await api.store.headPosition();

      const answer = await api.post(`/meetings/${meetingId}/attendance`, {
        personId,
        partyId: denHaag.gemeenteId,
        status: 'present',
        occurredAt: '2023-03-14T10:05:00+01:00',
      });

      const accepted = expectAccepted(answer, { streamName: `meeting-${meetingId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `meeting-${meetingId}`,
          revision: 1,
          position: accepted.position,
          type: 'AttendanceRecorded',
          data: { meetingId, personId, partyId: denHaag.gemeenteId, status: 'present', visibility: { kind: 'shared' } },
          occurredAt: '2023-03-14T10:05:00+01:00',
        },
      ]);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['personId', 'partyId', 'status']],
      ['fields of the wrong type', { personId: 1, partyId: null, status: true }, ['personId', 'partyId', 'status']],
      ['a status in Dutch', { personId: 'person-1', partyId: 'vng', status: 'aanwezig' }, ['status']],
      [
        'malformed ids',
        { personId: 'Ruben Hoekstra', partyId: 'Gemeente Den Haag', status: 'present' },
        ['personId', 'partyId'],
      ],
      [
        'the meeting id in the body',
        { personId: 'person-1', partyId: 'vng', status: 'present', meetingId: 'm-1' },
        ['meetingId'],
      ],
      [
        'an occurredAt in the future',
        { personId: 'person-1', partyId: 'vng', status: 'present', occurredAt: anHourFromNow() },
        ['occurredAt'],
      ],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/meetings/${unchanged.meetingId}/attendance`, body), fields);
    });

    it('refuses a malformed meeting id in the path with a 400 naming meetingId', async () => {
      await expectInvalid(
        api,
        () => api.post('/meetings/Collectief_maart/attendance', { personId: 'p-1', partyId: 'vng', status: 'present' }),
        ['meetingId'],
      );
    });

    it('refuses attendance at a meeting that was never scheduled with a 404', async () => {
      const personId = await story.person('Ruben Hoekstra');

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${freshId('bijeenkomst-onbekend')}/attendance`, {
            personId,
            partyId: groningen.gemeenteId,
            status: 'present',
          }),
        404,
        'meeting-not-found',
      );
    });

    it('refuses attendance of a person who was never registered with a 404', async () => {
      const meetingId = await scheduledMeeting();

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${meetingId}/attendance`, {
            personId: freshId('person-onbekend'),
            partyId: groningen.gemeenteId,
            status: 'present',
          }),
        404,
        'person-not-found',
      );
    });

    it('refuses attendance for a party that was never registered with a 404', async () => {
      const meetingId = await scheduledMeeting();
      const personId = await story.person('Ruben Hoekstra');

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${meetingId}/attendance`, {
            personId,
            partyId: 'gemeente-nergenshuizen',
            status: 'present',
          }),
        404,
        'party-not-found',
      );
    });

    it('refuses to record the same person twice with attendance-already-recorded', async () => {
      const { meetingId, personId } = await meetingWithAttendance('absent');

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${meetingId}/attendance`, { personId, partyId: groningen.gemeenteId, status: 'present' }),
        422,
        'attendance-already-recorded',
      );
    });

    it('refuses attendance at a cancelled meeting with meeting-cancelled', async () => {
      const meetingId = await cancelledMeeting();
      const personId = await story.person('Ruben Hoekstra');

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${meetingId}/attendance`, { personId, partyId: groningen.gemeenteId, status: 'present' }),
        422,
        'meeting-cancelled',
      );
    });

    it('refuses attendance sent with a stale If-Match with a 409 carrying the current revision', async () => {
      const { meetingId } = await meetingWithAttendance('present');
      const personId = await story.person('Ruben Hoekstra');

      const problem = await expectRefused(
        api,
        () =>
          api.post(
            `/meetings/${meetingId}/attendance`,
            { personId, partyId: denHaag.gemeenteId, status: 'present' },
            { 'if-match': '0' },
          ),
        409,
        'concurrent-change',
      );
      expect(problem.currentRevision).toBe(1);
    });
  });

  describe('POST /meetings/:meetingId/attendance/corrections', () => {
    it('records AttendanceCorrected with the party and the previous status', async () => {
      const { meetingId, personId } = await meetingWithAttendance('absent');
      const before = await api.store.headPosition();

      const answer = await api.post(`/meetings/${meetingId}/attendance/corrections`, {
        personId,
        status: 'excused',
        reason: 'Had zich vooraf afgemeld per e-mail',
        occurredAt: '2023-03-21T09:00:00+01:00',
      });

      const accepted = expectAccepted(answer, { streamName: `meeting-${meetingId}`, revision: 2 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `meeting-${meetingId}`,
          revision: 2,
          position: accepted.position,
          type: 'AttendanceCorrected',
          data: {
            meetingId,
            personId,
            status: 'excused',
            reason: 'Had zich vooraf afgemeld per e-mail',
            partyId: groningen.gemeenteId,
            previousStatus: 'absent',
            visibility: { kind: 'shared' },
          },
          occurredAt: '2023-03-21T09:00:00+01:00',
        },
      ]);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['personId', 'status', 'reason']],
      ['fields of the wrong type', { personId: 1, status: 2, reason: 3 }, ['personId', 'status', 'reason']],
      ['a status the ledger does not know', { personId: 'person-1', status: 'late', reason: 'Te laat' }, ['status']],
      ['an empty reason', { personId: 'person-1', status: 'present', reason: '' }, ['reason']],
      [
        'a party, which follows from the recorded attendance',
        { personId: 'person-1', status: 'present', reason: 'Toch aanwezig', partyId: 'vng' },
        ['partyId'],
      ],
      [
        'an occurredAt in the future',
        { personId: 'person-1', status: 'present', reason: 'Toch aanwezig', occurredAt: anHourFromNow() },
        ['occurredAt'],
      ],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/meetings/${unchanged.meetingId}/attendance/corrections`, body), fields);
    });

    it('refuses a malformed meeting id in the path with a 400 naming meetingId', async () => {
      await expectInvalid(
        api,
        () =>
          api.post('/meetings/M%C3%A4rz/attendance/corrections', {
            personId: 'p-1',
            status: 'present',
            reason: 'Toch aanwezig',
          }),
        ['meetingId'],
      );
    });

    it('refuses a correction at a meeting that was never scheduled with a 404', async () => {
      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${freshId('bijeenkomst-onbekend')}/attendance/corrections`, {
            personId: 'person-1',
            status: 'present',
            reason: 'Toch aanwezig',
          }),
        404,
        'meeting-not-found',
      );
    });

    it('refuses to correct attendance that was never recorded with attendance-not-recorded', async () => {
      const meetingId = await scheduledMeeting();
      const personId = await story.person('Ruben Hoekstra');

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${meetingId}/attendance/corrections`, {
            personId,
            status: 'present',
            reason: 'Toch aanwezig',
          }),
        422,
        'attendance-not-recorded',
      );
    });

    it('refuses a correction to the status already recorded with attendance-unchanged', async () => {
      const { meetingId, personId } = await meetingWithAttendance('present');

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${meetingId}/attendance/corrections`, {
            personId,
            status: 'present',
            reason: 'Dubbel ingevoerd',
          }),
        422,
        'attendance-unchanged',
      );
    });

    it('refuses a correction at a cancelled meeting with meeting-cancelled', async () => {
      const { meetingId, personId } = await meetingWithAttendance('excused');
      await story.record(`/meetings/${meetingId}/cancellation`, { reason: 'Storm' });

      await expectRefused(
        api,
        () =>
          api.post(`/meetings/${meetingId}/attendance/corrections`, {
            personId,
            status: 'present',
            reason: 'Toch aanwezig',
          }),
        422,
        'meeting-cancelled',
      );
    });
  });

  describe('POST /meetings/:meetingId/cancellation', () => {
    it('records MeetingCancelled with the reason', async () => {
      const meetingId = await scheduledMeeting();
      const before = await api.store.headPosition();

      const answer = await api.post(`/meetings/${meetingId}/cancellation`, {
        reason: 'Te weinig aanmeldingen',
        occurredAt: '2023-03-10T15:00:00+01:00',
      });

      const accepted = expectAccepted(answer, { streamName: `meeting-${meetingId}`, revision: 1 });
      expect(await newFacts(api, before)).toEqual([
        {
          streamName: `meeting-${meetingId}`,
          revision: 1,
          position: accepted.position,
          type: 'MeetingCancelled',
          data: { meetingId, reason: 'Te weinig aanmeldingen', visibility: { kind: 'shared' } },
          occurredAt: '2023-03-10T15:00:00+01:00',
        },
      ]);
    });

    it('cancels a meeting where people were only recorded as excused', async () => {
      const { meetingId } = await meetingWithAttendance('excused');

      const answer = await api.post(`/meetings/${meetingId}/cancellation`, { reason: 'Iedereen afgemeld' });

      expectAccepted(answer, { streamName: `meeting-${meetingId}`, revision: 2 });
    });

    it('answers a retried cancellation with the same Idempotency-Key with the first answer, replayed, and appends nothing', async () => {
      const meetingId = await scheduledMeeting();
      const key = freshId('afgelasting');
      const first = await api.post(
        `/meetings/${meetingId}/cancellation`,
        { reason: 'Storm' },
        { 'idempotency-key': key },
      );
      const before = await api.store.headPosition();

      const retry = await api.post(
        `/meetings/${meetingId}/cancellation`,
        { reason: 'Storm' },
        { 'idempotency-key': key },
      );

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await api.store.headPosition()).toBe(before);
    });

    it.each<[string, object, string[]]>([
      ['an empty body', {}, ['reason']],
      ['a reason of the wrong type', { reason: ['Storm'] }, ['reason']],
      ['a reason longer than 1000 characters', { reason: 'r'.repeat(1001) }, ['reason']],
      ['an unknown extra field', { reason: 'Storm', rescheduledTo: '2023-04-04' }, ['rescheduledTo']],
      ['an occurredAt in the future', { reason: 'Storm', occurredAt: anHourFromNow() }, ['occurredAt']],
    ])('refuses %s with a 400 naming each invalid field', async (_case, body, fields) => {
      await expectInvalid(api, () => api.post(`/meetings/${unchanged.meetingId}/cancellation`, body), fields);
    });

    it('refuses a malformed meeting id in the path with a 400 naming meetingId', async () => {
      await expectInvalid(api, () => api.post('/meetings/_/cancellation', { reason: 'Storm' }), ['meetingId']);
    });

    it('refuses to cancel a meeting that was never scheduled with a 404', async () => {
      await expectRefused(
        api,
        () => api.post(`/meetings/${freshId('bijeenkomst-onbekend')}/cancellation`, { reason: 'Storm' }),
        404,
        'meeting-not-found',
      );
    });

    it('refuses to cancel a meeting where people were present with meeting-has-attendees', async () => {
      const { meetingId } = await meetingWithAttendance('present');

      await expectRefused(
        api,
        () => api.post(`/meetings/${meetingId}/cancellation`, { reason: 'Toch niet doorgegaan' }),
        422,
        'meeting-has-attendees',
      );
    });

    it('refuses to cancel a meeting twice with meeting-cancelled', async () => {
      const meetingId = await cancelledMeeting();

      await expectRefused(
        api,
        () => api.post(`/meetings/${meetingId}/cancellation`, { reason: 'Nogmaals' }),
        422,
        'meeting-cancelled',
      );
    });
  });
});
