import { Story } from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

interface ContinuityBody {
  parties: {
    partyId: string;
    departures: number;
    withHandover: number;
    maxDeparturesIn90Days: number;
    threeOrMoreIn90Days: boolean;
    orphanedCommitments: number;
  }[];
}

/**
 * Three officials of one gemeente leave within two months (1 Mar, 15 Apr, 10 May 2023):
 * the first hands over, the other two do not, and the second leaves a commitment made
 * through her seat without an owner. By hand: 3 departures, all within 90 days (flagged),
 * 1 with a handover, 1 orphaned commitment.
 */
describe('continuity after staff turnover over HTTP', () => {
  let api: LedgerApi;
  let gemeenteId: string;
  let lastPosition: string;

  beforeAll(async () => {
    api = await startLedgerApi();
    const story = new Story(api);
    const programmeId = await story.programme();
    const site = await story.site(programmeId, 'Kampen');
    gemeenteId = site.gemeenteId;
    const leavers = [
      ['Anna Voorbeeld', '2023-03-01'],
      ['Bea Testman', '2023-04-15'],
      ['Cas Proef', '2023-05-10'],
    ];
    for (const [index, [name, leftOn]] of leavers.entries()) {
      const personId = await story.person(name);
      const roleId = `rol-beleidsadviseur-${index + 1}-${gemeenteId}`;
      await story.record('/roles', {
        roleId,
        partyId: gemeenteId,
        programmeId,
        siteId: site.siteId,
        title: `Beleidsadviseur ${index + 1}`,
        personId,
        occurredAt: '2023-01-09T09:00:00+01:00',
      });
      if (index === 1) {
        await story.commitment({
          programmeId,
          siteId: site.siteId,
          byPartyId: gemeenteId,
          byRoleId: roleId,
          toPartyIds: [site.initiativeId],
          responsiblePersonId: personId,
          occurredAt: '2023-02-01T12:00:00+01:00',
        });
      }
      if (index === 0) {
        await story.record(`/roles/${roleId}/handovers`, {
          fromPersonId: personId,
          toPersonId: null,
          handedOverOn: '2023-02-27',
          transferredCommitmentIds: [],
          introducedToPartners: false,
          note: 'Vertrouwelijk',
          occurredAt: '2023-02-27T12:00:00+01:00',
        });
      }
      const vacated = await story.record(`/roles/${roleId}/vacate`, {
        personId,
        reason: 'Andere baan',
        occurredAt: `${leftOn}T12:00:00+01:00`,
      });
      lastPosition = vacated.position;
    }
  });
  afterAll(async () => api.close());

  it('counts the departures, the handover and the burst of the gemeente as soon as they are written', async () => {
    const answer = await api.get<ContinuityBody>(`/views/continuity?minPosition=${lastPosition}&partyId=${gemeenteId}`);

    expect(answer.status).toBe(200);
    expect(answer.body.parties).toEqual([
      expect.objectContaining({
        partyId: gemeenteId,
        departures: 3,
        withHandover: 1,
        maxDeparturesIn90Days: 3,
        threeOrMoreIn90Days: true,
        orphanedCommitments: 1,
      }),
    ]);
    expect(JSON.stringify(answer.body)).not.toContain('Vertrouwelijk');
  });

  it('lists the orphaned commitment and the handover history beside it', async () => {
    const orphans = await api.get<{ orphanedCommitments: { stillOrphaned: boolean }[] }>(
      `/views/continuity/orphans?minPosition=${lastPosition}&partyId=${gemeenteId}`,
    );
    const history = await api.get<{ parties: { handovers: number; vacancies: number; appointments: number }[] }>(
      `/views/handovers?minPosition=${lastPosition}&partyId=${gemeenteId}`,
    );

    expect(orphans.body.orphanedCommitments).toEqual([expect.objectContaining({ stillOrphaned: true })]);
    // Three seats assigned, one handover, three departures.
    expect(history.body.parties).toEqual([expect.objectContaining({ appointments: 3, handovers: 1, vacancies: 3 })]);
    expect(JSON.stringify(history.body)).not.toContain('Vertrouwelijk');
  });

  it('exports one row per departure as CSV for Dutch Excel', async () => {
    const response = await fetch(`${api.base}/views/continuity?minPosition=${lastPosition}&partyId=${gemeenteId}`, {
      headers: { ...api.auth, accept: 'text/csv' },
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
    expect(header.split(';').slice(0, 3)).toEqual([
      'Partij / party',
      'Partij-id / party id',
      'Soort partij / party kind',
    ]);
    expect(header).toContain('Vacaturedagen / vacancy days');
    expect(rows).toHaveLength(3);
  });
});
