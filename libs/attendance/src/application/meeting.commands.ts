import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  deciderHandler,
  handleCommand,
  requireExisting,
  RoutedCommand,
  type CommandResult,
} from '@samen/command-handling';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
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
@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: ScheduleMeetingCommand): Promise<CommandResult> {
    await requireSite(this.store, command.data.programmeId, command.data.hostSiteId);
    for (const partyId of command.data.expectedPartyIds) await requireExisting(this.store, 'party', partyId);
    return handleCommand(
      this.store,
      onMeetingStream(command),
      meetingDecider,
      (s) => meetingDecider.decide(command, s),
      envelope,
    );
  }
}

/** Presence is recorded for a person who exists, for a party that exists. */
@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: RecordAttendanceCommand): Promise<CommandResult> {
    await requireExisting(this.store, 'person', command.data.personId);
    await requireExisting(this.store, 'party', command.data.partyId);
    return handleCommand(
      this.store,
      onMeetingStream(command),
      meetingDecider,
      (s) => meetingDecider.decide(command, s),
      envelope,
    );
  }
}

export const MEETING_HANDLERS = [
  ScheduleMeetingHandler,
  RecordAttendanceHandler,
  CorrectAttendanceHandler,
  CancelMeetingHandler,
];
