import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiCommandHeaders,
  CommandAcceptedDto,
  factData,
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
import { CancelMeetingDto, CorrectAttendanceDto, RecordAttendanceDto, ScheduleMeetingDto } from './meeting.dto';

@ApiTags('bijeenkomsten en aanwezigheid / meetings and attendance')
@ApiCommandHeaders()
@ApiCreatedResponse({ type: CommandAcceptedDto })
@Controller('meetings')
export class MeetingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Bijeenkomst plannen / schedule a meeting' })
  async schedule(@Body() dto: ScheduleMeetingDto, @FromCommandRequest() request: CommandRequest) {
    const meetingId = dto.meetingId ?? newEntityId(request.idempotencyKey, 'meeting');
    const command = new ScheduleMeetingCommand(
      { type: 'ScheduleMeeting', data: { ...factData(dto), meetingId } },
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command), meetingId);
  }

  @Post(':meetingId/attendance')
  @ApiOperation({ summary: 'Aanwezigheid vastleggen / record attendance' })
  async recordAttendance(
    @IdParam('meetingId') meetingId: string,
    @Body() dto: RecordAttendanceDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new RecordAttendanceCommand(
      { type: 'RecordAttendance', data: { ...factData(dto), meetingId } },
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':meetingId/attendance/corrections')
  @ApiOperation({ summary: 'Aanwezigheid corrigeren / correct attendance' })
  async correctAttendance(
    @IdParam('meetingId') meetingId: string,
    @Body() dto: CorrectAttendanceDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new CorrectAttendanceCommand(
      { type: 'CorrectAttendance', data: { ...factData(dto), meetingId } },
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':meetingId/cancellation')
  @ApiOperation({ summary: 'Bijeenkomst afgelasten / cancel a meeting' })
  async cancel(
    @IdParam('meetingId') meetingId: string,
    @Body() dto: CancelMeetingDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new CancelMeetingCommand(
      { type: 'CancelMeeting', data: { ...factData(dto), meetingId } },
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }
}
