import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@samen/access';
import {
  ApiCommandHeaders,
  CommandAcceptedDto,
  FromCommandRequest,
  IdParam,
  type CommandRequest,
} from '@samen/command-handling';
import {
  JoinSiteCommand,
  LaunchProgrammeCommand,
  RegisterPartyCommand,
  RegisterPersonCommand,
} from '../application/structure.commands';
import { JoinSiteDto, LaunchProgrammeDto, RegisterPartyDto, RegisterPersonDto } from './structure.dto';
import { toJoinSite, toLaunchProgramme, toRegisterParty, toRegisterPerson } from './structure.to-command';

@ApiTags('structuur / structure')
@ApiCommandHeaders()
@ApiCreatedResponse({ type: CommandAcceptedDto })
@Controller()
export class StructureController {
  constructor(private readonly commands: CommandBus) {}

  @Post('programmes')
  @Access.programmeTeam()
  @HttpCode(201)
  @ApiOperation({ summary: 'Programma starten / launch a programme' })
  async launchProgramme(@Body() dto: LaunchProgrammeDto, @FromCommandRequest() request: CommandRequest) {
    const command = new LaunchProgrammeCommand(toLaunchProgramme(dto), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post('programmes/:programmeId/sites')
  @Access.programmeTeam()
  @ApiOperation({ summary: 'Proeftuin laten deelnemen / a site joins the programme' })
  async joinSite(
    @IdParam('programmeId') programmeId: string,
    @Body() dto: JoinSiteDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new JoinSiteCommand(toJoinSite(dto, programmeId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post('parties')
  @Access.programmeTeam()
  @ApiOperation({ summary: 'Partij registreren / register a party' })
  async registerParty(@Body() dto: RegisterPartyDto, @FromCommandRequest() request: CommandRequest) {
    const command = new RegisterPartyCommand(toRegisterParty(dto), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post('people')
  @Access.anyParty()
  @ApiOperation({ summary: 'Persoon registreren / register a person' })
  async registerPerson(@Body() dto: RegisterPersonDto, @FromCommandRequest() request: CommandRequest) {
    const command = new RegisterPersonCommand(toRegisterPerson(dto), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }
}
