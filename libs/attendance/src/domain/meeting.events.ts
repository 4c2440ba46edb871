import { Upcaster, type DomainEvent, type IsoTimestamp } from '@samen/ledger-kernel';
import type { AttendanceStatus, MeetingKind } from './meeting';

/** What is stored of each meeting fact, field by field: changing a field here changes the log. */
export type MeetingScheduled = DomainEvent<
  'MeetingScheduled',
  {
    meetingId: string;
    programmeId: string;
    kind: MeetingKind;
    title: string;
    startsAt: IsoTimestamp;
    place: string;
    hostSiteId?: string;
    /** Each once, in the order first named. */
    expectedPartyIds: string[];
  }
>;
export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  { meetingId: string; personId: string; partyId: string; status: AttendanceStatus }
>;
export type AttendanceCorrected = DomainEvent<
  'AttendanceCorrected',
  {
    meetingId: string;
    personId: string;
    status: AttendanceStatus;
    reason: string;
    /** The party the person came for, as first recorded. */
    partyId: string;
    previousStatus: AttendanceStatus;
  }
>;
export type MeetingCancelled = DomainEvent<'MeetingCancelled', { meetingId: string; reason: string }>;
export type MeetingEvent = MeetingScheduled | AttendanceRecorded | AttendanceCorrected | MeetingCancelled;

export const meetingUpcaster = new Upcaster<MeetingEvent>({
  MeetingScheduled: { current: 1 },
  AttendanceRecorded: { current: 1 },
  AttendanceCorrected: { current: 1 },
  MeetingCancelled: { current: 1 },
});
