import type { NewEvent } from '@samen/event-store';

/** About 250 bytes of JSON, the size of a typical attendance fact. */
export function attendance(i: number) {
  return {
    meetingId: `meeting-${i % 97}`,
    personId: `person-${(i * 7919) % 5000}`,
    partyId: `gemeente-${i % 342}`,
    status: i % 5 === 0 ? 'excused' : 'present',
    representing: 'gemeente',
    recordedBy: 'programme-team',
    note: 'Aanwezig bij de collectieve bijeenkomst in Utrecht',
    sequence: i,
  };
}

/** The i-th sample attendance fact, as the store's benchmarks append it. */
export const sampleEvent = (i: number): NewEvent => ({
  type: 'AttendanceRecorded',
  data: attendance(i),
  metadata: { occurredAt: '2023-05-18T14:00:00+02:00', correlationId: `c-${i}`, actor: 'programme-team' },
});
