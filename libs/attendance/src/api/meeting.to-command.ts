import { definedFields } from '@samen/command-handling';
import type { CancelMeeting, CorrectAttendance, RecordAttendance, ScheduleMeeting } from '../domain/meeting';
import type { CancelMeetingDto, CorrectAttendanceDto, RecordAttendanceDto, ScheduleMeetingDto } from './meeting.dto';

/** Each body as its command, field by field: a DTO field reaches a command only when named here. */
export const toScheduleMeeting = (dto: ScheduleMeetingDto, meetingId: string): ScheduleMeeting => ({
  type: 'ScheduleMeeting',
  data: definedFields({
    meetingId,
    programmeId: dto.programmeId,
    kind: dto.kind,
    title: dto.title,
    startsAt: dto.startsAt,
    place: dto.place,
    hostSiteId: dto.hostSiteId,
    expectedPartyIds: dto.expectedPartyIds,
    visibility: dto.visibility,
  }),
});

export const toRecordAttendance = (dto: RecordAttendanceDto, meetingId: string): RecordAttendance => ({
  type: 'RecordAttendance',
  data: definedFields({
    meetingId,
    personId: dto.personId,
    partyId: dto.partyId,
    status: dto.status,
    visibility: dto.visibility,
  }),
});

export const toCorrectAttendance = (dto: CorrectAttendanceDto, meetingId: string): CorrectAttendance => ({
  type: 'CorrectAttendance',
  data: definedFields({
    meetingId,
    personId: dto.personId,
    status: dto.status,
    reason: dto.reason,
    visibility: dto.visibility,
  }),
});

export const toCancelMeeting = (dto: CancelMeetingDto, meetingId: string): CancelMeeting => ({
  type: 'CancelMeeting',
  data: definedFields({ meetingId, reason: dto.reason, visibility: dto.visibility }),
});
