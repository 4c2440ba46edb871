import { definedFields } from '@samen/command-handling';
import type { AppointSuccessor, AssignRole, RecordHandover, VacateRole } from '../domain/role';
import type { AppointSuccessorDto, AssignRoleDto, RecordHandoverDto, VacateRoleDto } from './role.dto';

/** Each body as its command, field by field: a DTO field reaches a command only when named here. */
export const toAssignRole = (dto: AssignRoleDto, roleId: string): AssignRole => ({
  type: 'AssignRole',
  data: definedFields({
    roleId,
    partyId: dto.partyId,
    programmeId: dto.programmeId,
    siteId: dto.siteId,
    title: dto.title,
    personId: dto.personId,
    visibility: dto.visibility,
  }),
});

export const toVacateRole = (dto: VacateRoleDto, roleId: string): VacateRole => ({
  type: 'VacateRole',
  data: definedFields({ roleId, personId: dto.personId, reason: dto.reason, visibility: dto.visibility }),
});

export const toAppointSuccessor = (dto: AppointSuccessorDto, roleId: string): AppointSuccessor => ({
  type: 'AppointSuccessor',
  data: definedFields({ roleId, personId: dto.personId, visibility: dto.visibility }),
});

export const toRecordHandover = (
  dto: RecordHandoverDto,
  roleId: string,
  handoverId: string,
): Omit<RecordHandover, 'context'> => ({
  type: 'RecordHandover',
  data: definedFields({
    roleId,
    handoverId,
    fromPersonId: dto.fromPersonId,
    toPersonId: dto.toPersonId,
    handedOverOn: dto.handedOverOn,
    transferredCommitmentIds: dto.transferredCommitmentIds,
    introducedToPartners: dto.introducedToPartners,
    note: dto.note,
    visibility: dto.visibility,
  }),
});
