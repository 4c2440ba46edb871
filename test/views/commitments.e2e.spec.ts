import { freshId, Story } from '../support/api-expectations';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

interface HistoryEvent {
  type: string;
  actor: string | null;
  occurredAt: string;
  recordedAt: string;
  position: string;
}

interface CommitmentBody {
  commitmentId: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  daysOverdue: number | null;
  history: HistoryEvent[];
}

/**
 * Gemeente Tynaarlo promises (1 Feb 2023) to put its initiative in the budget by 30 June,
 * moves that to 30 September (1 May), and promises a meeting room, which it provides. The
 * Oranje Fonds promises 10.000,00 to the site, pays 4.000,00, has it reversed and pays it
 * again. By hand: 2 commitments of the gemeente, 1 fulfilled, 1 open and overdue today (not
 * on 15 July 2023); the fund: 10.000,00 committed, 4.000,00 paid, 6.000,00 outstanding.
 */
describe('the commitment audit and the money view over HTTP', () => {
  let api: LedgerApi;
  let gemeenteId: string;
  let siteId: string;
  let budgetId: string;
  let budgetPositions: string[];
  let lastPosition: string;

  beforeAll(async () => {
    api = await startLedgerApi();
    const story = new Story(api);
    const programmeId = await story.programme();
    const site = await story.site(programmeId, 'Tynaarlo');
    ({ gemeenteId, siteId } = site);
    const oranjeFonds = await story.party('fund', 'Oranje Fonds');
    const adviseur = await story.person('Lotte Voorbeeld');

    budgetId = freshId('tynaarlo-begroting');
    const made = await story.record('/commitments', {
      commitmentId: budgetId,
      programmeId,
      siteId,
      byPartyId: gemeenteId,
      responsiblePersonId: adviseur,
      toPartyIds: [site.initiativeId],
      kind: 'change-policy',
      description: 'Het initiatief opnemen in de begroting',
      dueOn: '2023-06-30',
      occurredAt: '2023-02-01T12:00:00+01:00',
    });
    const amended = await story.record(`/commitments/${budgetId}/amendments`, {
      dueOn: '2023-09-30',
      reason: 'De begrotingsronde is later',
      occurredAt: '2023-05-01T12:00:00+02:00',
    });
    budgetPositions = [made.position, amended.position];

    const roomId = await story.commitment({
      programmeId,
      siteId,
      byPartyId: gemeenteId,
      toPartyIds: [site.initiativeId],
      responsiblePersonId: adviseur,
      kind: 'house',
      description: 'Een vergaderruimte in het gemeentehuis',
      occurredAt: '2023-02-01T12:00:00+01:00',
    });
    await story.record(`/commitments/${roomId}/fulfilment`, {
      evidence: 'Sleutel overhandigd',
      occurredAt: '2023-03-01T12:00:00+01:00',
    });

    const fundId = await story.commitment({
      programmeId,
      siteId,
      byPartyId: oranjeFonds,
      toPartyIds: [site.initiativeId],
      responsiblePersonId: adviseur,
      kind: 'fund',
      description: 'Bijdrage aan de proeftuin Tynaarlo',
      amountInCents: 1_000_000,
      occurredAt: '2023-01-20T12:00:00+01:00',
    });
    const payment = (paidOn: string) => ({
      paymentId: freshId('oranje-fonds-tynaarlo'),
      fromPartyId: oranjeFonds,
      toPartyId: site.initiativeId,
      amountInCents: 400_000,
      purpose: 'programme-contribution',
      paidOn,
      settlesCommitmentId: fundId,
    });
    const wrong = payment('2023-03-01');
    await story.record('/payments', wrong);
    await story.record(`/payments/${wrong.paymentId}/reversal`, { reason: 'Verkeerd rekeningnummer' });
    lastPosition = (await story.record('/payments', payment('2023-03-10'))).position;
  });
  afterAll(async () => api.close());

  it('lists the gemeente’s commitments with status and overdue as soon as they are written', async () => {
    const answer = await api.get<{ commitments: CommitmentBody[] }>(
      `/views/commitments?partyId=${gemeenteId}&minPosition=${lastPosition}`,
    );

    expect(answer.status).toBe(200);
    const budget = answer.body.commitments.find((c) => c.commitmentId === budgetId);
    expect(answer.body.commitments.map((c) => c.status).sort()).toEqual(['fulfilled', 'open']);
    expect(budget).toMatchObject({ status: 'open', dueOn: '2023-09-30', overdue: true });
  });

  it('judges overdue on the asOf date: on 15 July 2023 the amended due date had not passed', async () => {
    const answer = await api.get<{ commitments: CommitmentBody[] }>(
      `/views/commitments?partyId=${gemeenteId}&status=open&asOf=2023-07-15&minPosition=${lastPosition}`,
    );

    expect(answer.body.commitments).toEqual([
      expect.objectContaining({ commitmentId: budgetId, overdue: false, daysOverdue: null }),
    ]);
  });

  it('shows one commitment with every fact of its history and its place in the log', async () => {
    const answer = await api.get<{ commitment: CommitmentBody }>(
      `/views/commitments/${budgetId}?minPosition=${lastPosition}`,
    );

    expect(answer.status).toBe(200);
    expect(answer.body.commitment.history).toEqual([
      expect.objectContaining({
        type: 'CommitmentMade',
        occurredAt: '2023-02-01T11:00:00.000Z',
        position: budgetPositions[0],
      }),
      expect.objectContaining({
        type: 'CommitmentAmended',
        occurredAt: '2023-05-01T10:00:00.000Z',
        position: budgetPositions[1],
      }),
    ]);
  });

  it('answers 404 for a commitment it does not know', async () => {
    const answer = await api.get<{ code: string }>(`/views/commitments/${freshId('onbekend')}`);

    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('commitment-not-found');
  });

  it('counts per party: 2 made, 1 fulfilled, 1 open and overdue', async () => {
    const answer = await api.get<{ parties: object[] }>(
      `/views/commitments/parties?partyId=${gemeenteId}&minPosition=${lastPosition}`,
    );

    expect(answer.body.parties).toEqual([
      expect.objectContaining({ partyId: gemeenteId, made: 2, fulfilled: 1, open: 1, overdue: 1, broken: 0 }),
    ]);
  });

  it('counts the payment made again after a reversal once in the money view', async () => {
    const answer = await api.get<{ lines: object[] }>(`/views/money?siteId=${siteId}&minPosition=${lastPosition}`);

    expect(answer.status).toBe(200);
    expect(answer.body.lines).toEqual([
      expect.objectContaining({
        payerKind: 'fund',
        siteId,
        committedInCents: 1_000_000,
        paidInCents: 400_000,
        outstandingInCents: 600_000,
      }),
    ]);
  });

  it('exports one row per commitment, per history fact and per money line as CSV for Dutch Excel', async () => {
    const csv = async (path: string) => {
      const response = await fetch(`${api.base}${path}`, { headers: { ...api.auth, accept: 'text/csv' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
      return { header: header.split(';'), rows: rows.map((row) => row.split(';')) };
    };

    const list = await csv(`/views/commitments?partyId=${gemeenteId}&minPosition=${lastPosition}`);
    expect(list.header.slice(0, 2)).toEqual(['Toezegging-id / commitment id', 'Programma / programme']);
    expect(list.header).toContain('Dagen over tijd / days overdue');
    expect(list.rows).toHaveLength(2);

    const history = await csv(`/views/commitments/${budgetId}?minPosition=${lastPosition}`);
    expect(history.header).toContain('Positie / position');
    expect(history.rows.map((row) => row[history.header.indexOf('Positie / position')])).toEqual(budgetPositions);

    const money = await csv(`/views/money?siteId=${siteId}&minPosition=${lastPosition}`);
    const column = (name: string) => money.rows[0][money.header.indexOf(name)];
    expect(money.rows).toHaveLength(1);
    expect(column('Toegezegd (euro) / committed (euros)')).toBe('10000,00');
    expect(column('Openstaand (euro) / outstanding (euros)')).toBe('6000,00');
  });
});
