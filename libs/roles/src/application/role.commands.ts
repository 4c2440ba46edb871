import { deciderHandler, loadState, requireExisting, RoutedCommand } from '@samen/command-handling';
import { commitmentDecider, commitmentStream } from '@samen/commitments';
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
export const AssignRoleHandler = deciderHandler(
  AssignRoleCommand,
  roleDecider,
  onRoleStream,
  async (command, store) => {
    const { partyId, personId, programmeId, siteId } = command.data;
    await requireExisting(store, 'party', partyId);
    await requireExisting(store, 'person', personId);
    if (programmeId !== undefined) await requireSite(store, programmeId, siteId);
    return command;
  },
);

export const AppointSuccessorHandler = deciderHandler(
  AppointSuccessorCommand,
  roleDecider,
  onRoleStream,
  async (command, store) => {
    await requireExisting(store, 'person', command.data.personId);
    return command;
  },
);

/** A handover names its successor (if any) and the commitments it passes on: open ones of this seat. */
export const RecordHandoverHandler = deciderHandler(
  RecordHandoverCommand,
  roleDecider,
  onRoleStream,
  async (command, store): Promise<RecordHandover> => {
    if (command.data.toPersonId !== null) await requireExisting(store, 'person', command.data.toPersonId);
    const commitmentsNotOpen: string[] = [];
    const commitmentsOfOtherRoles: string[] = [];
    for (const commitmentId of command.data.transferredCommitmentIds) {
      const commitment = await loadState(store, commitmentStream(commitmentId), commitmentDecider);
      if (commitment.status === 'none') throw new NotFoundError('commitment', commitmentId);
      if (commitment.status !== 'open') commitmentsNotOpen.push(commitmentId);
      if (commitment.terms.byRoleId !== command.data.roleId) commitmentsOfOtherRoles.push(commitmentId);
    }
    return { ...command, context: { commitmentsNotOpen, commitmentsOfOtherRoles } };
  },
);

export const ROLE_HANDLERS = [AssignRoleHandler, VacateRoleHandler, AppointSuccessorHandler, RecordHandoverHandler];
