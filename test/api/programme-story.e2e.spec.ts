import type { RecordedEvent } from '@samen/event-store';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

/**
 * A slice of Programma SAMEN told through HTTP only: the programme, two sites, a collective
 * meeting with attendance, a fund's commitment settled by a payment, and a civil servant in
 * Kampen who leaves with a handover. Organisations and places are the programme's own; every
 * person is invented.
 */
describe('a slice of Programma SAMEN through the HTTP API', () => {
  let api: LedgerApi;
  const created = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const answer = await api.post(path, body, headers);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status: 201 });
    return answer.body as { id?: string; streamName: string; revision: number; position: string };
  };

  beforeAll(async () => {
    api = await startLedgerApi();
  });
  afterAll(() => api.close());

  it('records the story and can replay each part of it from its history', async () => {
    const start = await api.store.headPosition();

    // The kernteam launches the programme; parties register.
    await created('/programmes', {
      programmeId: 'samen',
      name: 'Programma SAMEN',
      startsOn: '2022-12-01',
      endsOn: '2024-11-25',
      occurredAt: '2022-12-01T10:00:00+01:00',
    });
    for (const [partyId, kind, name] of [
      ['oranje-fonds', 'fund', 'Oranje Fonds'],
      ['kernteam-samen', 'programme-team', 'Kernteam Programma SAMEN'],
      ['gemeente-kampen', 'municipality', 'Gemeente Kampen'],
      ['bewonersinitiatief-kampen', 'initiative', 'Bewonersinitiatief Kampen'],
      ['gemeente-tynaarlo', 'municipality', 'Gemeente Tynaarlo'],
      ['plaats-de-wereld', 'initiative', 'Plaats de Wereld'],
    ]) {
      await created('/parties', { partyId, kind, name, occurredAt: '2022-12-01T10:00:00+01:00' });
    }
    await created('/programmes/samen/sites', {
      siteId: 'kampen',
      name: 'Proeftuin Kampen',
      initiativePartyIds: ['bewonersinitiatief-kampen'],
      gemeentePartyId: 'gemeente-kampen',
      funded: true,
      occurredAt: '2023-01-10T09:00:00+01:00',
    });
    await created('/programmes/samen/sites', {
      siteId: 'tynaarlo',
      name: 'Proeftuin Tynaarlo',
      initiativePartyIds: ['plaats-de-wereld'],
      gemeentePartyId: 'gemeente-tynaarlo',
      funded: true,
      occurredAt: '2023-01-10T09:00:00+01:00',
    });

    // Invented people: a policy adviser in Kampen (p-0001), her successor (p-0002), an initiator of
    // Plaats de Wereld (p-0003), an official in Tynaarlo (p-0004). Ids carry no names: names are
    // personal data and must stay erasable, stream names are not.
    for (const [personId, name] of [
      ['p-0001', 'Lotte Veenstra'],
      ['p-0002', 'Daan Kuipers'],
      ['p-0003', 'Bram Hoekstra'],
      ['p-0004', 'Yara Mulder'],
    ]) {
      await created('/people', { personId, name, occurredAt: '2023-01-10T09:00:00+01:00' });
    }
    await created('/roles', {
      roleId: 'kampen-beleidsadviseur',
      partyId: 'gemeente-kampen',
      programmeId: 'samen',
      siteId: 'kampen',
      title: 'Beleidsadviseur sociaal domein',
      personId: 'p-0001',
      occurredAt: '2023-01-10T09:00:00+01:00',
    });

    // A collective meeting in Utrecht: Kampen's official and Tynaarlo's initiator come; Tynaarlo's official sends word.
    await created('/meetings', {
      meetingId: 'collectief-2023-03',
      programmeId: 'samen',
      kind: 'collective',
      title: 'Collectieve bijeenkomst: samen financieren',
      startsAt: '2023-03-14T10:00:00+01:00',
      place: 'Utrecht',
      expectedPartyIds: ['gemeente-kampen', 'bewonersinitiatief-kampen', 'gemeente-tynaarlo', 'plaats-de-wereld'],
      occurredAt: '2023-02-01T09:00:00+01:00',
    });
    await created('/meetings/collectief-2023-03/attendance', {
      personId: 'p-0001',
      partyId: 'gemeente-kampen',
      status: 'present',
      occurredAt: '2023-03-14T10:00:00+01:00',
    });
    await created('/meetings/collectief-2023-03/attendance', {
      personId: 'p-0003',
      partyId: 'plaats-de-wereld',
      status: 'present',
      occurredAt: '2023-03-14T10:00:00+01:00',
    });
    await created('/meetings/collectief-2023-03/attendance', {
      personId: 'p-0004',
      partyId: 'gemeente-tynaarlo',
      status: 'excused',
      occurredAt: '2023-03-14T10:00:00+01:00',
    });

    // Oranje Fonds commits its contribution to Kampen and pays it; the payment is the evidence.
    const pledge = await created(
      '/commitments',
      {
        programmeId: 'samen',
        siteId: 'kampen',
        byPartyId: 'oranje-fonds',
        responsiblePersonId: 'p-0002',
        toPartyIds: ['bewonersinitiatief-kampen'],
        kind: 'fund',
        description: 'Bijdrage proeftuin Kampen 2023',
        amountInCents: 1_500_000,
        dueOn: '2023-06-30',
        occurredAt: '2023-02-15T09:00:00+01:00',
      },
      { 'Idempotency-Key': 'oranje-fonds-kampen-2023' },
    );
    const payment = await created('/payments', {
      fromPartyId: 'oranje-fonds',
      toPartyId: 'bewonersinitiatief-kampen',
      amountInCents: 1_500_000,
      purpose: 'programme-contribution',
      paidOn: '2023-04-03',
      settlesCommitmentId: pledge.id,
      occurredAt: '2023-04-03T12:00:00+02:00',
    });
    await created(`/commitments/${pledge.id}/fulfilment`, {
      evidence: `Betaling ${payment.id} van 3 april 2023`,
      occurredAt: '2023-04-03T12:00:00+02:00',
    });

    // Kampen promises a neighbourhood budget through its policy adviser's seat; she leaves and hands over to nobody yet.
    const budget = await created('/commitments', {
      commitmentId: 'kampen-wijkbudget',
      programmeId: 'samen',
      siteId: 'kampen',
      byPartyId: 'gemeente-kampen',
      byRoleId: 'kampen-beleidsadviseur',
      responsiblePersonId: 'p-0001',
      toPartyIds: ['bewonersinitiatief-kampen'],
      kind: 'support',
      description: 'Wijkbudget voor de huiskamer in de wijk',
      dueOn: '2024-01-01',
      occurredAt: '2023-05-01T09:00:00+02:00',
    });
    await created('/roles/kampen-beleidsadviseur/handovers', {
      fromPersonId: 'p-0001',
      toPersonId: null,
      handedOverOn: '2023-08-31',
      transferredCommitmentIds: ['kampen-wijkbudget'],
      introducedToPartners: false,
      note: 'Opvolger nog niet bekend; dossier ligt bij de teamleider.',
      occurredAt: '2023-08-31T16:00:00+02:00',
    });
    await created('/roles/kampen-beleidsadviseur/vacate', {
      personId: 'p-0001',
      reason: 'Nieuwe baan buiten de gemeente',
      occurredAt: '2023-08-31T17:00:00+02:00',
    });
    await created('/roles/kampen-beleidsadviseur/successor', {
      personId: 'p-0002',
      occurredAt: '2023-10-02T09:00:00+02:00',
    });

    const story = await api.eventsAfter(start);
    const typesOf = (stream: string) => story.filter((e) => e.streamName === stream).map((e) => e.type);
    // 1 programme + 6 parties + 2 sites + 4 people + 1 role + 1 meeting + 3 attendances
    // + commitment, payment, fulfilment (3) + commitment, handover, vacancy, successor (4) = 25
    expect(story).toHaveLength(25);
    expect(typesOf('programme-samen')).toEqual(['ProgrammeLaunched', 'SiteJoined', 'SiteJoined']);
    expect(typesOf('meeting-collectief-2023-03')).toEqual([
      'MeetingScheduled',
      'AttendanceRecorded',
      'AttendanceRecorded',
      'AttendanceRecorded',
    ]);
    expect(typesOf(`commitment-${pledge.id}`)).toEqual(['CommitmentMade', 'CommitmentFulfilled']);
    expect(typesOf(`payment-${payment.id}`)).toEqual(['PaymentMade']);
    expect(typesOf('role-kampen-beleidsadviseur')).toEqual([
      'RoleAssigned',
      'HandoverRecorded',
      'RoleVacated',
      'SuccessorAppointed',
    ]);
    expect(budget.streamName).toBe('commitment-kampen-wijkbudget');

    // The audit: a commitment's history, in order, with positions and when it happened.
    const history = await api.get<{
      events: (Pick<RecordedEvent, 'type' | 'revision'> & { position: string; occurredAt: string })[];
    }>(`/history/commitment/${pledge.id}`);
    expect(history.status).toBe(200);
    expect(history.body.events.map((e) => [e.revision, e.type, e.occurredAt])).toEqual([
      [0, 'CommitmentMade', '2023-02-15T09:00:00+01:00'],
      [1, 'CommitmentFulfilled', '2023-04-03T12:00:00+02:00'],
    ]);
    expect(BigInt(history.body.events[1].position)).toBeGreaterThan(BigInt(history.body.events[0].position));

    // Once the role is held again, the departed adviser can no longer leave it.
    const refused = await api.post('/roles/kampen-beleidsadviseur/vacate', {
      personId: 'p-0001',
      reason: 'dubbel',
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'not-the-current-holder' } });
  });
});
