import { createHash } from 'node:crypto';
import { type Meeting, meetingDecider, type MeetingEvent, type RecordAttendance } from '@samen/attendance';
import { LEDGER_UPCASTER } from '@samen/ledger-events';
import { type AppendBatch, syntheticHistory } from './synthetic-history';

const historyOf = (events: number, seed: number) => [...syntheticHistory({ events, seed })];
const eventCount = (batches: AppendBatch[]) => batches.reduce((sum, batch) => sum + batch.events.length, 0);

/** Everything the brief promises to repeat: stream, revision, type, data, times and ids, in order. */
function digest(batches: AppendBatch[]): string {
  const hash = createHash('sha256');
  for (const batch of batches) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

describe('a synthetic history', () => {
  describe('is deterministic', () => {
    it('gives the same batches, events and ids for the same size and seed', () => {
      expect(digest(historyOf(4_000, 7))).toBe(digest(historyOf(4_000, 7)));
    });

    it('gives another history for another seed', () => {
      expect(digest(historyOf(4_000, 8))).not.toBe(digest(historyOf(4_000, 7)));
    });
  });

  it.each([1, 17, 233, 400, 2_345, 9_876])('holds exactly %i events', (events) => {
    expect(eventCount(historyOf(events, 3))).toBe(events);
  });

  describe('of 12,000 events', () => {
    const batches = historyOf(12_000, 11);

    it('gives each stream contiguous revisions from 0, with exact expected revisions', () => {
      const next = new Map<string, number>();
      const wrong: string[] = [];
      for (const { streamName, expectedRevision, events } of batches) {
        const revision = next.get(streamName) ?? 0;
        if (expectedRevision !== (revision === 0 ? 'no_stream' : revision - 1)) wrong.push(streamName);
        next.set(streamName, revision + events.length);
      }
      expect(wrong).toEqual([]);
    });

    it('never lets occurredAt go back within a stream', () => {
      const latest = new Map<string, string>();
      const backwards: string[] = [];
      for (const { streamName, events } of batches) {
        for (const { metadata } of events) {
          if (metadata.occurredAt < (latest.get(streamName) ?? '')) backwards.push(streamName);
          latest.set(streamName, metadata.occurredAt);
        }
      }
      expect(backwards).toEqual([]);
    });

    it('lets everything occur within 2023 and 2024', () => {
      const times = batches.flatMap((batch) => batch.events.map((event) => event.metadata.occurredAt)).sort();
      expect(times[0] >= '2023-01-01T00:00:00.000Z').toBe(true);
      expect(times[times.length - 1] <= '2024-12-31T23:59:59.999Z').toBe(true);
    });

    it('makes consecutive events of one stream a single append (up to 1,000 events)', () => {
      const split = batches.filter(
        (batch, i) => i > 0 && batches[i - 1].streamName === batch.streamName && batches[i - 1].events.length < 1_000,
      );
      expect(split).toEqual([]);
    });

    it('shapes each event like one from the command path, written by seed:synthetic', () => {
      const malformed = batches
        .flatMap((batch) => batch.events)
        .filter(
          ({ id, type, schemaVersion, metadata }) =>
            !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id ?? '') ||
            schemaVersion !== LEDGER_UPCASTER.currentVersion(type) ||
            metadata.actor !== 'seed:synthetic' ||
            !metadata.correlationId ||
            !metadata.causationId,
        );
      expect(malformed).toEqual([]);
    });

    it('holds only attendance the meeting decider accepts when each record is decided on its own', () => {
      // Attendance lists are decided on the meeting as it stood before the list (see
      // Simulation.recordList); here every record is decided one by one on the meeting folded so far.
      const meetings = new Map<string, Meeting>();
      const refused: string[] = [];
      for (const { streamName, events } of batches.filter((batch) => batch.streamName.startsWith('meeting-'))) {
        let state = meetings.get(streamName) ?? meetingDecider.initialState();
        for (const { type, data } of events) {
          const event = { type, data } as MeetingEvent;
          if (event.type === 'AttendanceRecorded') {
            const command: RecordAttendance = { type: 'RecordAttendance', data: event.data };
            try {
              if (JSON.stringify(meetingDecider.decide(command, state)) !== JSON.stringify([event]))
                refused.push(streamName);
            } catch {
              refused.push(streamName);
            }
          }
          state = meetingDecider.evolve(state, event);
        }
        meetings.set(streamName, state);
      }
      expect(meetings.size).toBeGreaterThan(100);
      expect(refused).toEqual([]);
    });

    it('gives people opaque ids and never repeats an event id', () => {
      const events = batches.flatMap((batch) => batch.events);
      const personIds = events.filter((e) => e.type === 'PersonRegistered').map((e) => String(e.data.personId));
      expect(personIds.length).toBeGreaterThan(0);
      expect(personIds.filter((id) => !/^p-\d{6,}$/.test(id))).toEqual([]);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    });
  });
});
