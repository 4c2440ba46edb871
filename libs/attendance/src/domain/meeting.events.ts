import {
  Upcaster,
  withSharedVisibility,
  type DomainEvent,
  type IsoTimestamp,
  type Visibility,
} from '@samen/ledger-kernel';
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
    /** Who may read it (schema version 2; version 1 read as shared). */
    visibility: Visibility;
  }
>;
export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  { meetingId: string; personId: string; partyId: string; status: AttendanceStatus; visibility: Visibility }
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
    visibility: Visibility;
  }
>;
export type MeetingCancelled = DomainEvent<
  'MeetingCancelled',
  { meetingId: string; reason: string; visibility: Visibility }
>;
export type MeetingEvent = MeetingScheduled | AttendanceRecorded | AttendanceCorrected | MeetingCancelled;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const meetingUpcaster = new Upcaster<MeetingEvent>({
  MeetingScheduled: { current: 2, lifts: { 1: withSharedVisibility } },
  AttendanceRecorded: { current: 2, lifts: { 1: withSharedVisibility } },
  AttendanceCorrected: { current: 2, lifts: { 1: withSharedVisibility } },
  MeetingCancelled: { current: 2, lifts: { 1: withSharedVisibility } },
});
