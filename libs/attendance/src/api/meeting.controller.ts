import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Access, fromBody, type PartiesOf } from '@samen/access';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiCommandHeaders,
  CommandAcceptedDto,
  FromCommandRequest,
  IdParam,
  newEntityId,
  type CommandRequest,
} from '@samen/command-handling';
import {
  CancelMeetingCommand,
  CorrectAttendanceCommand,
  RecordAttendanceCommand,
  ScheduleMeetingCommand,
} from '../application/meeting.commands';
import { meetingStream } from '../domain/meeting';
import { CancelMeetingDto, CorrectAttendanceDto, RecordAttendanceDto, ScheduleMeetingDto } from './meeting.dto';
import { toCancelMeeting, toCorrectAttendance, toRecordAttendance, toScheduleMeeting } from './meeting.to-command';

/** A correction is for the party the person's attendance was recorded for. */
const RECORDED_PARTY: PartiesOf = async ({ body, params }, lookup) => {
  const personId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).personId : undefined;
  if (typeof personId !== 'string') return 'invalid';
  const recorded = (await lookup.eventsOf(meetingStream(params.meetingId))).find(
    (event) => event.type === 'AttendanceRecorded' && event.data.personId === personId,
  );
  return typeof recorded?.data.partyId === 'string' ? [recorded.data.partyId] : [];
};

@ApiTags('bijeenkomsten en aanwezigheid / meetings and attendance')
@ApiCommandHeaders()
@ApiCreatedResponse({ type: CommandAcceptedDto })
@Controller('meetings')
export class MeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access.programmeTeam()
  @ApiOperation({ summary: 'Bijeenkomst plannen / schedule a meeting' })
  async schedule(@Body() dto: ScheduleMeetingDto, @FromCommandRequest() request: CommandRequest) {
    const meetingId = dto.meetingId ?? newEntityId(request.idempotencyKey, 'meeting');
    const command = new ScheduleMeetingCommand(toScheduleMeeting(dto, meetingId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command), meetingId);
  }

  @Post(':meetingId/attendance')
  @Access.ownParty(fromBody('partyId'))
  @ApiOperation({ summary: 'Aanwezigheid vastleggen / record attendance' })
  async recordAttendance(
    @IdParam('meetingId') meetingId: string,
    @Body() dto: RecordAttendanceDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new RecordAttendanceCommand(toRecordAttendance(dto, meetingId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':meetingId/attendance/corrections')
  @Access.ownParty(RECORDED_PARTY)
  @ApiOperation({ summary: 'Aanwezigheid corrigeren / correct attendance' })
  async correctAttendance(
    @IdParam('meetingId') meetingId: string,
    @Body() dto: CorrectAttendanceDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new CorrectAttendanceCommand(toCorrectAttendance(dto, meetingId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':meetingId/cancellation')
  @Access.programmeTeam()
  @ApiOperation({ summary: 'Bijeenkomst afgelasten / cancel a meeting' })
  async cancel(
    @IdParam('meetingId') meetingId: string,
    @Body() dto: CancelMeetingDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new CancelMeetingCommand(toCancelMeeting(dto, meetingId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }
}
