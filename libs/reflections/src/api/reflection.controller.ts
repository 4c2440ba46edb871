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
import { ChangeReflectionVisibilityCommand, RecordReflectionCommand } from '../application/reflection.commands';
import { reflectionStream } from '../domain/reflection';
import { ChangeVisibilityDto, RecordReflectionDto } from './reflection.dto';
import { toChangeReflectionVisibility, toRecordReflection } from './reflection.to-command';

@ApiTags('reflecties / reflections')
@ApiCommandHeaders()
@ApiCreatedResponse({ type: CommandAcceptedDto })
@Controller('reflections')
export class ReflectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access.ownParty(fromBody('byPartyId'))
  @ApiOperation({ summary: 'Reflectie vastleggen / record a reflection (intervisie)' })
  async record(@Body() dto: RecordReflectionDto, @FromCommandRequest() request: CommandRequest) {
    const reflectionId = dto.reflectionId ?? newEntityId(request.idempotencyKey, 'reflection');
    const command = new RecordReflectionCommand(
      toRecordReflection(dto, reflectionId),
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command), reflectionId);
  }

  @Post(':reflectionId/visibility')
  @Access.ownParty(fromCreation(reflectionStream, 'reflectionId', 'byPartyId'))
  @ApiOperation({ summary: 'Zichtbaarheid wijzigen / change who may read it (a new fact)' })
  async changeVisibility(
    @IdParam('reflectionId') reflectionId: string,
    @Body() dto: ChangeVisibilityDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new ChangeReflectionVisibilityCommand(
      toChangeReflectionVisibility(dto, reflectionId),
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }
}
