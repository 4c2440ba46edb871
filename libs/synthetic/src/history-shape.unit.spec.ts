import type { NewEvent } from '@samen/event-store';
import { HistoryShape } from './history-shape';
import type { AppendBatch } from './synthetic-history';

const fact = (type: string, data: Record<string, string | boolean>, occurredAt: string): NewEvent => ({
  type,
  data,
  metadata: { occurredAt },
});
const batch = (streamName: string, expectedRevision: AppendBatch['expectedRevision'], ...events: NewEvent[]) => ({
  streamName,
  expectedRevision,
  events,
});

const gemeenteVeldhoven = batch(
  'party-gemeente-001',
  'no_stream',
  fact('PartyRegistered', { partyId: 'gemeente-001', kind: 'municipality' }, '2023-01-01T08:00:00.000Z'),
);
const seat = (roleId: string) =>
  batch(roleId, 'no_stream', fact('RoleAssigned', { roleId, partyId: 'gemeente-001' }, '2023-01-02T09:00:00.000Z'));
const departure = (roleId: string, on: string) =>
  batch(roleId, 0, fact('RoleVacated', { roleId, personId: 'p-000001' }, `${on}T10:00:00.000Z`));

function shapeOf(...batches: AppendBatch[]) {
  const shape = new HistoryShape();
  for (const b of batches) shape.add(b);
  return shape.summary();
}

describe('the shape of a history, as measured', () => {
  it('counts a fact as late when something that occurred more than a day later was written before it', () => {
    const shape = shapeOf(
      batch('party-a', 'no_stream', fact('PartyRegistered', { partyId: 'a' }, '2023-03-10T09:00:00.000Z')),
      batch('party-b', 'no_stream', fact('PartyRegistered', { partyId: 'b' }, '2023-03-01T09:00:00.000Z')),
      batch('party-c', 'no_stream', fact('PartyRegistered', { partyId: 'c' }, '2023-03-09T20:00:00.000Z')),
    );
    expect(shape.lateShare).toBeCloseTo(1 / 3);
  });

  it('flags a gemeente that lost three people within 90 days', () => {
    const shape = shapeOf(
      gemeenteVeldhoven,
      seat('role-1'),
      seat('role-2'),
      seat('role-3'),
      departure('role-1', '2023-05-01'),
      departure('role-2', '2023-06-15'),
      departure('role-3', '2023-07-29'),
    );
    expect(shape.gemeentenWithBurst).toBe(1);
  });

  it('does not flag three departures spread over a year', () => {
    const shape = shapeOf(
      gemeenteVeldhoven,
      seat('role-1'),
      seat('role-2'),
      seat('role-3'),
      departure('role-1', '2023-02-01'),
      departure('role-2', '2023-06-15'),
      departure('role-3', '2024-01-20'),
    );
    expect(shape.gemeentenWithBurst).toBe(0);
  });

  it('notices someone present at a meeting that was then cancelled', () => {
    const meeting = { meetingId: 'm-1' };
    const shape = shapeOf(
      batch('meeting-m-1', 'no_stream', fact('MeetingScheduled', meeting, '2023-04-01T09:00:00.000Z')),
      batch(
        'meeting-m-1',
        0,
        fact('AttendanceRecorded', { ...meeting, status: 'present' }, '2023-04-02T09:00:00.000Z'),
        fact('MeetingCancelled', meeting, '2023-04-03T09:00:00.000Z'),
      ),
    );
    expect(shape.cancelledMeetingsWithPresentAttendees).toBe(1);
  });

  it('reports an expected revision that does not match the stream, and time going back in it', () => {
    const shape = shapeOf(
      batch('party-a', 'no_stream', fact('PartyRegistered', { partyId: 'a' }, '2023-03-10T09:00:00.000Z')),
      batch('party-a', 3, fact('PartyRegistered', { partyId: 'a' }, '2023-03-09T09:00:00.000Z')),
    );
    expect(shape.problems).toEqual([
      'party-a: expected revision 3, the stream is at 0',
      'party-a@1: occurredAt goes back',
    ]);
  });
});
