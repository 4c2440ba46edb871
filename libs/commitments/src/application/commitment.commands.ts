import { deciderHandler, requireExisting, RoutedCommand } from '@samen/command-handling';
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
export const MakeCommitmentHandler = deciderHandler(
  MakeCommitmentCommand,
  commitmentDecider,
  onCommitmentStream,
  async (command, store) => {
    const { programmeId, siteId, byPartyId, byRoleId, responsiblePersonId, toPartyIds } = command.data;
    await requireSite(store, programmeId, siteId);
    for (const partyId of [byPartyId, ...toPartyIds]) await requireExisting(store, 'party', partyId);
    if (byRoleId !== undefined) await requireExisting(store, 'role', byRoleId);
    await requireExisting(store, 'person', responsiblePersonId);
    return command;
  },
);

export const TransferCommitmentOwnershipHandler = deciderHandler(
  TransferCommitmentOwnershipCommand,
  commitmentDecider,
  onCommitmentStream,
  async (command, store) => {
    await requireExisting(store, 'person', command.data.toPersonId);
    if (command.data.toRoleId !== undefined) await requireExisting(store, 'role', command.data.toRoleId);
    return command;
  },
);

export const COMMITMENT_HANDLERS = [
  MakeCommitmentHandler,
  AmendCommitmentHandler,
  TransferCommitmentOwnershipHandler,
  FulfilCommitmentHandler,
  BreakCommitmentHandler,
  WithdrawCommitmentHandler,
];
