import { HistoryShape, type ShapeSummary } from './history-shape';
import { syntheticHistory } from './synthetic-history';

describe('a synthetic history large enough for every gemeente to take part', () => {
  it('registers all 342 gemeenten before the programmes begin', () => {
    // The first 342 sites go to 342 different gemeenten: about twenty programmes' worth.
    const gemeenten = new Set<string>();
    for (const batch of syntheticHistory({ events: 60_000, seed: 5 })) {
      const [event] = batch.events;
      if (event.type !== 'PartyRegistered') break;
      if (event.data.kind === 'municipality') gemeenten.add(String(event.data.partyId));
    }
    expect(gemeenten.size).toBe(342);
  });
});

/** The shape the read-side benchmarks rely on, measured as a view would read it. */
describe('the shape of a synthetic history of 30,000 events', () => {
  let shape: ShapeSummary;
  const count = (type: string) => shape.eventsByType[type] ?? 0;

  beforeAll(() => {
    const tally = new HistoryShape();
    for (const batch of syntheticHistory({ events: 30_000, seed: 5 })) tally.add(batch);
    shape = tally.summary();
  });

  it('has about one site in ten without funding', () => {
    expect(shape.unfundedSites / shape.sites).toBeGreaterThan(0.04);
    expect(shape.unfundedSites / shape.sites).toBeLessThan(0.18);
  });

  it('records about a tenth of its facts late: after facts that occurred more than a day later', () => {
    expect(shape.lateShare).toBeGreaterThan(0.05);
    expect(shape.lateShare).toBeLessThan(0.2);
  });

  it('reverses about three payments in a hundred', () => {
    expect(count('PaymentReversed')).toBeGreaterThan(0);
    expect(shape.reversalShare).toBeGreaterThan(0.01);
    expect(shape.reversalShare).toBeLessThan(0.06);
  });

  it('has a gemeente that lost three or more people within 90 days, but not every gemeente', () => {
    expect(shape.gemeentenWithBurst).toBeGreaterThanOrEqual(1);
    expect(shape.gemeentenWithBurst).toBeLessThan(shape.gemeenten / 2);
  });

  it('records a handover for about half of the departures, and appoints successors', () => {
    expect(shape.handoverShare).toBeGreaterThan(0.35);
    expect(shape.handoverShare).toBeLessThan(0.65);
    expect(count('SuccessorAppointed')).toBeGreaterThan(0);
  });

  it('cancels some meetings, and nobody is present at one', () => {
    expect(shape.cancelledMeetings).toBeGreaterThan(0);
    expect(shape.cancelledMeetingsWithPresentAttendees).toBe(0);
  });

  it('keeps, breaks, withdraws, amends and transfers commitments, and leaves some overdue', () => {
    for (const type of [
      'CommitmentFulfilled',
      'CommitmentBroken',
      'CommitmentWithdrawn',
      'CommitmentAmended',
      'CommitmentOwnershipTransferred',
    ]) {
      expect({ type, present: count(type) > 0 }).toEqual({ type, present: true });
    }
    expect(shape.overdueCommitments).toBeGreaterThan(0);
  });

  it('corrects some attendance and pays invoices', () => {
    expect(count('AttendanceCorrected')).toBeGreaterThan(0);
    expect(count('InvoicePaid')).toBeGreaterThan(0);
  });

  it('breaks none of the stream rules it checks as it reads', () => {
    expect(shape.problems).toEqual([]);
  });
});
