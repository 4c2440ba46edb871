import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, fromBody, fromCreation } from '@samen/access';
import {
  ApiCommandHeaders,
  CommandAcceptedDto,
  FromCommandRequest,
  IdParam,
  newEntityId,
  type CommandRequest,
} from '@samen/command-handling';
import {
  AppointSuccessorCommand,
  AssignRoleCommand,
  RecordHandoverCommand,
  VacateRoleCommand,
} from '../application/role.commands';
import { roleStream } from '../domain/role';
import { AppointSuccessorDto, AssignRoleDto, RecordHandoverDto, VacateRoleDto } from './role.dto';
import { toAppointSuccessor, toAssignRole, toRecordHandover, toVacateRole } from './role.to-command';

/** A role's facts are its party's: the party named when the role was assigned. */
const ROLE_PARTY = fromCreation(roleStream, 'roleId', 'partyId');

@ApiTags('rollen en overdrachten / roles and handovers')
@ApiCommandHeaders()
@ApiCreatedResponse({ type: CommandAcceptedDto })
@Controller('roles')
export class RoleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access.ownParty(fromBody('partyId'))
  @ApiOperation({ summary: 'Rol toekennen / assign a role' })
  async assign(@Body() dto: AssignRoleDto, @FromCommandRequest() request: CommandRequest) {
    const roleId = dto.roleId ?? newEntityId(request.idempotencyKey, 'role');
    const command = new AssignRoleCommand(toAssignRole(dto, roleId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command), roleId);
  }

  @Post(':roleId/vacate')
  @Access.ownParty(ROLE_PARTY)
  @ApiOperation({ summary: 'Vertrek: rol komt vrij / the holder leaves' })
  async vacate(
    @IdParam('roleId') roleId: string,
    @Body() dto: VacateRoleDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new VacateRoleCommand(toVacateRole(dto, roleId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':roleId/successor')
  @Access.ownParty(ROLE_PARTY)
  @ApiOperation({ summary: 'Opvolger benoemen / appoint a successor' })
  async appointSuccessor(
    @IdParam('roleId') roleId: string,
    @Body() dto: AppointSuccessorDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new AppointSuccessorCommand(toAppointSuccessor(dto, roleId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':roleId/handovers')
  @Access.ownParty(ROLE_PARTY)
  @ApiOperation({ summary: 'Overdracht vastleggen / record a handover' })
  async recordHandover(
    @IdParam('roleId') roleId: string,
    @Body() dto: RecordHandoverDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const handoverId = dto.handoverId ?? newEntityId(request.idempotencyKey, 'handover');
    const command = new RecordHandoverCommand(
      toRecordHandover(dto, roleId, handoverId),
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command), handoverId);
  }
}
