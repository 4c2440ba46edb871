import { deciderSpec } from '@samen/ledger-kernel/testing';
import { roleDecider, roleUpcaster, type RoleAssigned, type RoleVacated } from '../domain';
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
  data: {
    roleId: 'vaals-beleid',
    partyId: 'gemeente-vaals',
    title: 'beleidsadviseur',
    personId: 'person-rita',
    visibility: { kind: 'shared' },
  },
};
const ritaLeft: RoleVacated = {
  type: 'RoleVacated',
  data: { roleId: 'vaals-beleid', personId: 'person-rita', reason: 'Nieuwe baan', visibility: { kind: 'shared' } },
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
      visibility: { kind: 'initiatives' },
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
          visibility: { kind: 'initiatives' },
        },
      });
  });

  it('RoleVacated', () => {
    const body: Required<VacateRoleDto> = {
      personId: 'person-rita',
      reason: 'Nieuwe baan',
      visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] },
      occurredAt,
    };

    given(ritaSeated)
      .when(toVacateRole(body, 'vaals-beleid'))
      .thenStores({
        type: 'RoleVacated',
        data: {
          roleId: 'vaals-beleid',
          personId: 'person-rita',
          reason: 'Nieuwe baan',
          visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] },
        },
      });
  });

  it('SuccessorAppointed', () => {
    const body: Required<AppointSuccessorDto> = {
      personId: 'person-sem',
      visibility: { kind: 'shared' },
      occurredAt,
    };

    given(ritaSeated, ritaLeft)
      .when(toAppointSuccessor(body, 'vaals-beleid'))
      .thenStores({
        type: 'SuccessorAppointed',
        data: {
          roleId: 'vaals-beleid',
          personId: 'person-sem',
          previousPersonId: 'person-rita',
          visibility: { kind: 'shared' },
        },
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
      visibility: { kind: 'parties', partyIds: ['gemeente-vaals', 'initiatief-vaals'] },
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
          visibility: { kind: 'parties', partyIds: ['gemeente-vaals', 'initiatief-vaals'] },
        },
      });
  });
});

describe('a role fact stored at schema version 1', () => {
  const { visibility: _none, ...storedThen } = ritaLeft.data;

  it.each(Object.keys(roleUpcaster.declared))('%s is read at version 2, as shared', (type) => {
    expect(roleUpcaster.currentVersion(type)).toBe(2);
    expect(roleUpcaster.upcast(type, 1, storedThen)).toEqual({ ...storedThen, visibility: { kind: 'shared' } });
  });
});
