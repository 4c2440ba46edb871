import { deciderSpec } from '@samen/ledger-kernel/testing';
import { roleDecider, type RoleAssigned, type RoleVacated } from '../domain';
import type { AppointSuccessorDto, AssignRoleDto, RecordHandoverDto, VacateRoleDto } from './role.dto';
import { toAppointSuccessor, toAssignRole, toRecordHandover, toVacateRole } from './role.to-command';

/**
 * The stored shape of every role fact, from a body with every field filled in, through
 * toCommand() and the decider, to the JSON the store keeps. A field added to a body fails to
 * compile here (the bodies are `Required`); one that reaches the log changes what is stored.
 */
const occurredAt = '2023-03-01T09:00:00+01:00';
const { given } = deciderSpec(roleDecider);

const ritaSeated: RoleAssigned = {
  type: 'RoleAssigned',
  data: { roleId: 'vaals-beleid', partyId: 'gemeente-vaals', title: 'beleidsadviseur', personId: 'person-rita' },
};
const ritaLeft: RoleVacated = {
  type: 'RoleVacated',
  data: { roleId: 'vaals-beleid', personId: 'person-rita', reason: 'Nieuwe baan' },
};

describe('the stored shape of', () => {
  it('RoleAssigned', () => {
    const body: Required<AssignRoleDto> = {
      roleId: 'ignored-for-the-path-id',
      partyId: 'gemeente-vaals',
      programmeId: 'samen',
      siteId: 'vaals',
      title: 'beleidsadviseur',
      personId: 'person-rita',
      occurredAt,
    };

    given()
      .when(toAssignRole(body, 'vaals-beleid'))
      .thenStores({
        type: 'RoleAssigned',
        data: {
          roleId: 'vaals-beleid',
          partyId: 'gemeente-vaals',
          programmeId: 'samen',
          siteId: 'vaals',
          title: 'beleidsadviseur',
          personId: 'person-rita',
        },
      });
  });

  it('RoleVacated', () => {
    const body: Required<VacateRoleDto> = { personId: 'person-rita', reason: 'Nieuwe baan', occurredAt };

    given(ritaSeated)
      .when(toVacateRole(body, 'vaals-beleid'))
      .thenStores({
        type: 'RoleVacated',
        data: { roleId: 'vaals-beleid', personId: 'person-rita', reason: 'Nieuwe baan' },
      });
  });

  it('SuccessorAppointed', () => {
    const body: Required<AppointSuccessorDto> = { personId: 'person-sem', occurredAt };

    given(ritaSeated, ritaLeft)
      .when(toAppointSuccessor(body, 'vaals-beleid'))
      .thenStores({
        type: 'SuccessorAppointed',
        data: { roleId: 'vaals-beleid', personId: 'person-sem', previousPersonId: 'person-rita' },
      });
  });

  it('HandoverRecorded', () => {
    const body: Required<RecordHandoverDto> = {
      handoverId: 'ignored-for-the-given-id',
      fromPersonId: 'person-rita',
      toPersonId: 'person-sem',
      handedOverOn: '2023-04-01',
      transferredCommitmentIds: ['vaals-ruimte'],
      introducedToPartners: true,
      note: 'Sem kent de initiatieven nog niet',
      occurredAt,
    };

    given(ritaSeated, ritaLeft)
      .when({
        ...toRecordHandover(body, 'vaals-beleid', 'vaals-overdracht-1'),
        context: { commitmentsNotOpen: [], commitmentsOfOtherRoles: [] },
      })
      .thenStores({
        type: 'HandoverRecorded',
        data: {
          roleId: 'vaals-beleid',
          handoverId: 'vaals-overdracht-1',
          fromPersonId: 'person-rita',
          toPersonId: 'person-sem',
          handedOverOn: '2023-04-01',
          transferredCommitmentIds: ['vaals-ruimte'],
          introducedToPartners: true,
          note: 'Sem kent de initiatieven nog niet',
        },
      });
  });
});
