import { deciderHandler, requireExisting, RoutedCommand } from '@samen/command-handling';
import { requireSite } from '@samen/structure';
import {
  meetingDecider,
  meetingStream,
  type CancelMeeting,
  type CorrectAttendance,
  type RecordAttendance,
  type ScheduleMeeting,
} from '../domain/meeting';

export class ScheduleMeetingCommand extends RoutedCommand<ScheduleMeeting> {}
export class RecordAttendanceCommand extends RoutedCommand<RecordAttendance> {}
export class CorrectAttendanceCommand extends RoutedCommand<CorrectAttendance> {}
export class CancelMeetingCommand extends RoutedCommand<CancelMeeting> {}

const onMeetingStream = (command: { data: { meetingId: string } }) => meetingStream(command.data.meetingId);

export const CorrectAttendanceHandler = deciderHandler(CorrectAttendanceCommand, meetingDecider, onMeetingStream);
export const CancelMeetingHandler = deciderHandler(CancelMeetingCommand, meetingDecider, onMeetingStream);

/** A meeting belongs to a programme, maybe hosted by one of its sites, and expects parties that exist. */
export const ScheduleMeetingHandler = deciderHandler(
  ScheduleMeetingCommand,
  meetingDecider,
  onMeetingStream,
  async (command, store) => {
    await requireSite(store, command.data.programmeId, command.data.hostSiteId);
    for (const partyId of command.data.expectedPartyIds) await requireExisting(store, 'party', partyId);
    return command;
  },
);

/** Presence is recorded for a person who exists, for a party that exists. */
export const RecordAttendanceHandler = deciderHandler(
  RecordAttendanceCommand,
  meetingDecider,
  onMeetingStream,
  async (command, store) => {
    await requireExisting(store, 'person', command.data.personId);
    await requireExisting(store, 'party', command.data.partyId);
    return command;
  },
);

export const MEETING_HANDLERS = [
  ScheduleMeetingHandler,
  RecordAttendanceHandler,
  CorrectAttendanceHandler,
  CancelMeetingHandler,
];
