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
  commitmentDecider,
  commitmentStream,
  type AmendCommitment,
  type BreakCommitment,
  type FulfilCommitment,
  type MakeCommitment,
  type TransferCommitmentOwnership,
  type WithdrawCommitment,
} from '../domain/commitment';

export class MakeCommitmentCommand extends RoutedCommand<MakeCommitment> {}
export class AmendCommitmentCommand extends RoutedCommand<AmendCommitment> {}
export class TransferCommitmentOwnershipCommand extends RoutedCommand<TransferCommitmentOwnership> {}
export class FulfilCommitmentCommand extends RoutedCommand<FulfilCommitment> {}
export class BreakCommitmentCommand extends RoutedCommand<BreakCommitment> {}
export class WithdrawCommitmentCommand extends RoutedCommand<WithdrawCommitment> {}

const onCommitmentStream = (command: { data: { commitmentId: string } }) => commitmentStream(command.data.commitmentId);

export const AmendCommitmentHandler = deciderHandler(AmendCommitmentCommand, commitmentDecider, onCommitmentStream);
export const FulfilCommitmentHandler = deciderHandler(FulfilCommitmentCommand, commitmentDecider, onCommitmentStream);
export const BreakCommitmentHandler = deciderHandler(BreakCommitmentCommand, commitmentDecider, onCommitmentStream);
export const WithdrawCommitmentHandler = deciderHandler(
  WithdrawCommitmentCommand,
  commitmentDecider,
  onCommitmentStream,
);

/** Everyone and everything a commitment names must exist: programme, site, parties, role, person. */
@CommandHandler(MakeCommitmentCommand)
export class MakeCommitmentHandler implements ICommandHandler<MakeCommitmentCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: MakeCommitmentCommand): Promise<CommandResult> {
    const { programmeId, siteId, byPartyId, byRoleId, responsiblePersonId, toPartyIds } = command.data;
    await requireSite(this.store, programmeId, siteId);
    for (const partyId of [byPartyId, ...toPartyIds]) await requireExisting(this.store, 'party', partyId);
    if (byRoleId !== undefined) await requireExisting(this.store, 'role', byRoleId);
    await requireExisting(this.store, 'person', responsiblePersonId);
    return handleCommand(
      this.store,
      onCommitmentStream(command),
      commitmentDecider,
      (s) => commitmentDecider.decide(command, s),
      envelope,
    );
  }
}

@CommandHandler(TransferCommitmentOwnershipCommand)
export class TransferCommitmentOwnershipHandler implements ICommandHandler<
  TransferCommitmentOwnershipCommand,
  CommandResult
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: TransferCommitmentOwnershipCommand): Promise<CommandResult> {
    await requireExisting(this.store, 'person', command.data.toPersonId);
    if (command.data.toRoleId !== undefined) await requireExisting(this.store, 'role', command.data.toRoleId);
    return handleCommand(
      this.store,
      onCommitmentStream(command),
      commitmentDecider,
      (s) => commitmentDecider.decide(command, s),
      envelope,
    );
  }
}

export const COMMITMENT_HANDLERS = [
  MakeCommitmentHandler,
  AmendCommitmentHandler,
  TransferCommitmentOwnershipHandler,
  FulfilCommitmentHandler,
  BreakCommitmentHandler,
  WithdrawCommitmentHandler,
];
