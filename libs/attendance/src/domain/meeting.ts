import {
  IllegalStateError,
  NotFoundError,
  storedVisibility,
  streamName,
  type Decider,
  type IsoTimestamp,
  type Visibility,
} from '@samen/ledger-kernel';
import { meetingUpcaster, type MeetingEvent } from './meeting.events';

/** collectieve bijeenkomst, themabijeenkomst, online bijpraatmoment, lokaal, pitstop, finalebijeenkomst */
export const MEETING_KINDS = ['collective', 'thematic', 'online', 'local', 'pitstop', 'final'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

export type ScheduleMeeting = Readonly<{
  type: 'ScheduleMeeting';
  data: {
    meetingId: string;
    programmeId: string;
    kind: MeetingKind;
    title: string;
    startsAt: IsoTimestamp;
    place: string;
    hostSiteId?: string;
    expectedPartyIds: string[];
  } & Visible;
}>;
export type RecordAttendance = Readonly<{
  type: 'RecordAttendance';
  data: { meetingId: string; personId: string; partyId: string; status: AttendanceStatus } & Visible;
}>;
export type CorrectAttendance = Readonly<{
  type: 'CorrectAttendance';
  data: { meetingId: string; personId: string; status: AttendanceStatus; reason: string } & Visible;
}>;
export type CancelMeeting = Readonly<{
  type: 'CancelMeeting';
  data: { meetingId: string; reason: string } & Visible;
}>;
export type MeetingCommand = ScheduleMeeting | RecordAttendance | CorrectAttendance | CancelMeeting;

type Attendance = Readonly<Record<string, { partyId: string; status: AttendanceStatus }>>;
export type Meeting =
  | { status: 'none' }
  | { status: 'scheduled'; meetingId: string; attendance: Attendance }
  | { status: 'cancelled'; meetingId: string; attendance: Attendance };

export const meetingStream = (meetingId: string) => streamName('meeting', meetingId);

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, Meeting> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'ScheduleMeeting') {
      if (state.status !== 'none') {
        throw new IllegalStateError(
          'meeting-already-scheduled',
          `Bijeenkomst "${command.data.meetingId}" staat al gepland. / Meeting "${command.data.meetingId}" is already scheduled.`,
        );
      }
      const { meetingId, programmeId, kind, title, startsAt, place, hostSiteId, expectedPartyIds } = command.data;
      return [
        {
          type: 'MeetingScheduled',
          data: {
            meetingId,
            programmeId,
            kind,
            title,
            startsAt,
            place,
            ...(hostSiteId !== undefined && { hostSiteId }),
            expectedPartyIds: [...new Set(expectedPartyIds)],
            visibility: storedVisibility(command.data.visibility),
          },
        },
      ];
    }
    if (state.status === 'none') throw new NotFoundError('meeting', command.data.meetingId);
    if (state.status === 'cancelled') {
      throw new IllegalStateError(
        'meeting-cancelled',
        'Deze bijeenkomst is afgelast; daar is niemand bij geweest. / This meeting was cancelled; nobody attended it.',
      );
    }
    switch (command.type) {
      case 'RecordAttendance': {
        if (state.attendance[command.data.personId]) {
          throw new IllegalStateError(
            'attendance-already-recorded',
            `Aanwezigheid van "${command.data.personId}" staat al vast; corrigeer die in plaats daarvan. / Attendance of "${command.data.personId}" is already recorded; correct it instead.`,
          );
        }
        const { meetingId, personId, partyId, status } = command.data;
        return [
          {
            type: 'AttendanceRecorded',
            data: { meetingId, personId, partyId, status, visibility: storedVisibility(command.data.visibility) },
          },
        ];
      }
      case 'CorrectAttendance': {
        const recorded = state.attendance[command.data.personId];
        if (!recorded) {
          throw new IllegalStateError(
            'attendance-not-recorded',
            `Er is nog geen aanwezigheid van "${command.data.personId}" om te corrigeren. / There is no attendance of "${command.data.personId}" to correct.`,
          );
        }
        if (recorded.status === command.data.status) {
          throw new IllegalStateError(
            'attendance-unchanged',
            `De aanwezigheid is al "${recorded.status}". / Attendance is already "${recorded.status}".`,
          );
        }
        const { meetingId, personId, status, reason } = command.data;
        return [
          {
            type: 'AttendanceCorrected',
            data: {
              meetingId,
              personId,
              status,
              reason,
              partyId: recorded.partyId,
              previousStatus: recorded.status,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      case 'CancelMeeting': {
        const present = Object.entries(state.attendance).filter(([, a]) => a.status === 'present');
        if (present.length > 0) {
          throw new IllegalStateError(
            'meeting-has-attendees',
            `Er staan ${present.length} aanwezigen geregistreerd; corrigeer die eerst. / ${present.length} people are recorded as present; correct that first.`,
          );
        }
        return [
          {
            type: 'MeetingCancelled',
            data: {
              meetingId: command.data.meetingId,
              reason: command.data.reason,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'MeetingScheduled':
        return { status: 'scheduled', meetingId: event.data.meetingId, attendance: {} };
      case 'AttendanceRecorded':
      case 'AttendanceCorrected': {
        if (state.status === 'none') return state;
        const { personId, partyId, status } = event.data;
        return { ...state, attendance: { ...state.attendance, [personId]: { partyId, status } } };
      }
      case 'MeetingCancelled':
        if (state.status === 'none') return state;
        return { ...state, status: 'cancelled' };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  upcaster: meetingUpcaster,
};
