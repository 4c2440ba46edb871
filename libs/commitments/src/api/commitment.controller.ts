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
  AmendCommitmentCommand,
  BreakCommitmentCommand,
  FulfilCommitmentCommand,
  MakeCommitmentCommand,
  TransferCommitmentOwnershipCommand,
  WithdrawCommitmentCommand,
} from '../application/commitment.commands';
import {
  AmendCommitmentDto,
  CloseCommitmentDto,
  FulfilCommitmentDto,
  MakeCommitmentDto,
  TransferCommitmentOwnershipDto,
} from './commitment.dto';
import { commitmentStream } from '../domain/commitment';
import {
  toAmendCommitment,
  toBreakCommitment,
  toFulfilCommitment,
  toMakeCommitment,
  toTransferCommitmentOwnership,
  toWithdrawCommitment,
} from './commitment.to-command';

/** A commitment's follow-up is for the party that made it. */
const COMMITMENT_PARTY = fromCreation(commitmentStream, 'commitmentId', 'byPartyId');

@ApiTags('toezeggingen / commitments')
@ApiCommandHeaders()
@ApiCreatedResponse({ type: CommandAcceptedDto })
@Controller('commitments')
export class CommitmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access.ownParty(fromBody('byPartyId'))
  @ApiOperation({ summary: 'Toezegging doen / make a commitment' })
  async make(@Body() dto: MakeCommitmentDto, @FromCommandRequest() request: CommandRequest) {
    const commitmentId = dto.commitmentId ?? newEntityId(request.idempotencyKey, 'commitment');
    const command = new MakeCommitmentCommand(toMakeCommitment(dto, commitmentId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command), commitmentId);
  }

  @Post(':commitmentId/amendments')
  @Access.ownParty(COMMITMENT_PARTY)
  @ApiOperation({ summary: 'Toezegging wijzigen / amend a commitment' })
  async amend(
    @IdParam('commitmentId') commitmentId: string,
    @Body() dto: AmendCommitmentDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new AmendCommitmentCommand(toAmendCommitment(dto, commitmentId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':commitmentId/ownership')
  @Access.ownParty(COMMITMENT_PARTY)
  @ApiOperation({ summary: 'Eigenaar overdragen / transfer ownership' })
  async transfer(
    @IdParam('commitmentId') commitmentId: string,
    @Body() dto: TransferCommitmentOwnershipDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new TransferCommitmentOwnershipCommand(
      toTransferCommitmentOwnership(dto, commitmentId),
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':commitmentId/fulfilment')
  @Access.ownParty(COMMITMENT_PARTY)
  @ApiOperation({ summary: 'Nagekomen / fulfilled, with evidence' })
  async fulfil(
    @IdParam('commitmentId') commitmentId: string,
    @Body() dto: FulfilCommitmentDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new FulfilCommitmentCommand(
      toFulfilCommitment(dto, commitmentId),
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':commitmentId/breach')
  @Access.ownParty(COMMITMENT_PARTY)
  @ApiOperation({ summary: 'Niet nagekomen / broken' })
  async break(
    @IdParam('commitmentId') commitmentId: string,
    @Body() dto: CloseCommitmentDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new BreakCommitmentCommand(toBreakCommitment(dto, commitmentId), request.envelope(dto.occurredAt));
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }

  @Post(':commitmentId/withdrawal')
  @Access.ownParty(COMMITMENT_PARTY)
  @ApiOperation({ summary: 'Ingetrokken / withdrawn' })
  async withdraw(
    @IdParam('commitmentId') commitmentId: string,
    @Body() dto: CloseCommitmentDto,
    @FromCommandRequest() request: CommandRequest,
  ) {
    const command = new WithdrawCommitmentCommand(
      toWithdrawCommitment(dto, commitmentId),
      request.envelope(dto.occurredAt),
    );
    return CommandAcceptedDto.from(await this.commands.execute(command));
  }
}
