import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  deciderHandler,
  handleCommand,
  loadState,
  requireExisting,
  RoutedCommand,
  type CommandResult,
} from '@samen/command-handling';
import { commitmentDecider, commitmentStream } from '@samen/commitments';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { NotFoundError } from '@samen/ledger-kernel';
import { requireSite } from '@samen/structure';
import {
  roleDecider,
  roleStream,
  type AppointSuccessor,
  type AssignRole,
  type RecordHandover,
  type VacateRole,
} from '../domain/role';

export class AssignRoleCommand extends RoutedCommand<AssignRole> {}
export class VacateRoleCommand extends RoutedCommand<VacateRole> {}
export class AppointSuccessorCommand extends RoutedCommand<AppointSuccessor> {}
export class RecordHandoverCommand extends RoutedCommand<Omit<RecordHandover, 'context'>> {}

const onRoleStream = (command: { data: { roleId: string } }) => roleStream(command.data.roleId);

export const VacateRoleHandler = deciderHandler(VacateRoleCommand, roleDecider, onRoleStream);

/** A role is a seat at a party that exists, held by a person who exists, maybe for a site. */
@CommandHandler(AssignRoleCommand)
export class AssignRoleHandler implements ICommandHandler<AssignRoleCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: AssignRoleCommand): Promise<CommandResult> {
    const { partyId, personId, programmeId, siteId } = command.data;
    await requireExisting(this.store, 'party', partyId);
    await requireExisting(this.store, 'person', personId);
    if (programmeId !== undefined) await requireSite(this.store, programmeId, siteId);
    return handleCommand(
      this.store,
      onRoleStream(command),
      roleDecider,
      (s) => roleDecider.decide(command, s),
      envelope,
    );
  }
}

@CommandHandler(AppointSuccessorCommand)
export class AppointSuccessorHandler implements ICommandHandler<AppointSuccessorCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: AppointSuccessorCommand): Promise<CommandResult> {
    await requireExisting(this.store, 'person', command.data.personId);
    return handleCommand(
      this.store,
      onRoleStream(command),
      roleDecider,
      (s) => roleDecider.decide(command, s),
      envelope,
    );
  }
}

/** A handover names its successor (if any) and the commitments it passes on, which must be open. */
@CommandHandler(RecordHandoverCommand)
export class RecordHandoverHandler implements ICommandHandler<RecordHandoverCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: RecordHandoverCommand): Promise<CommandResult> {
    if (command.data.toPersonId !== null) await requireExisting(this.store, 'person', command.data.toPersonId);
    const commitmentsNotOpen: string[] = [];
    const commitmentsOfOtherRoles: string[] = [];
    for (const commitmentId of command.data.transferredCommitmentIds) {
      const commitment = await loadState(this.store, commitmentStream(commitmentId), commitmentDecider);
      if (commitment.status === 'none') throw new NotFoundError('commitment', commitmentId);
      if (commitment.status !== 'open') commitmentsNotOpen.push(commitmentId);
      if (commitment.terms.byRoleId !== command.data.roleId) commitmentsOfOtherRoles.push(commitmentId);
    }
    return handleCommand(
      this.store,
      onRoleStream(command),
      roleDecider,
      (state) => roleDecider.decide({ ...command, context: { commitmentsNotOpen, commitmentsOfOtherRoles } }, state),
      envelope,
    );
  }
}

export const ROLE_HANDLERS = [AssignRoleHandler, VacateRoleHandler, AppointSuccessorHandler, RecordHandoverHandler];
