import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import {
  roleDecider,
  type HandoverRecorded,
  type RecordHandover,
  type RoleAssigned,
  type RoleVacated,
  type SuccessorAppointed,
} from '.';

const { given } = deciderSpec(roleDecider);

const sanneAssignedBeleidsadviseurKampen: RoleAssigned = {
  type: 'RoleAssigned',
  data: {
    roleId: 'kampen-beleidsadviseur',
    partyId: 'gemeente-kampen',
    siteId: 'kampen',
    title: 'beleidsadviseur',
    personId: 'person-sanne',
    visibility: SHARED,
  },
};
const sanneLeftKampen: RoleVacated = {
  type: 'RoleVacated',
  data: {
    roleId: 'kampen-beleidsadviseur',
    personId: 'person-sanne',
    reason: 'Nieuwe baan bij de provincie',
    visibility: SHARED,
  },
};
const jorisAppointedInKampen: SuccessorAppointed = {
  type: 'SuccessorAppointed',
  data: {
    roleId: 'kampen-beleidsadviseur',
    personId: 'person-joris',
    previousPersonId: 'person-sanne',
    visibility: SHARED,
  },
};
const jorisLeftKampen: RoleVacated = {
  type: 'RoleVacated',
  data: { roleId: 'kampen-beleidsadviseur', personId: 'person-joris', reason: 'Reorganisatie', visibility: SHARED },
};

function handover(
  fromPersonId: string,
  toPersonId: string | null,
  commitmentsNotOpen: readonly string[] = [],
  commitmentsOfOtherRoles: readonly string[] = [],
): RecordHandover {
  return {
    type: 'RecordHandover',
    data: {
      roleId: 'kampen-beleidsadviseur',
      handoverId: `handover-${fromPersonId}`,
      fromPersonId,
      toPersonId,
      handedOverOn: '2023-09-15',
      transferredCommitmentIds: ['kampen-begroting', 'kampen-ruimte'],
      introducedToPartners: true,
      note: 'Warme overdracht tijdens de pitstop',
    },
    context: { commitmentsNotOpen, commitmentsOfOtherRoles },
  };
}
function handoverRecorded(fromPersonId: string, toPersonId: string | null): HandoverRecorded {
  const { data } = handover(fromPersonId, toPersonId);
  return { type: 'HandoverRecorded', data: { ...data, visibility: SHARED } };
}
const sanneHandedOverToJoris = handoverRecorded('person-sanne', 'person-joris');

describe('assigning a role', () => {
  it('records the seat and the person holding it', () => {
    given()
      .when({
        type: 'AssignRole',
        data: {
          roleId: 'kampen-beleidsadviseur',
          partyId: 'gemeente-kampen',
          siteId: 'kampen',
          title: 'beleidsadviseur',
          personId: 'person-sanne',
        },
      })
      .then(sanneAssignedBeleidsadviseurKampen);
  });

  it('records a role at a party without a site', () => {
    given()
      .when({
        type: 'AssignRole',
        data: {
          roleId: 'vsbfonds-programmamanager',
          partyId: 'vsbfonds',
          title: 'programmamanager',
          personId: 'person-merel',
        },
      })
      .then({
        type: 'RoleAssigned',
        data: {
          roleId: 'vsbfonds-programmamanager',
          partyId: 'vsbfonds',
          title: 'programmamanager',
          personId: 'person-merel',
          visibility: SHARED,
        },
      });
  });

  it('is refused when the role already exists', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when({
        type: 'AssignRole',
        data: {
          roleId: 'kampen-beleidsadviseur',
          partyId: 'gemeente-kampen',
          siteId: 'kampen',
          title: 'beleidsadviseur',
          personId: 'person-joris',
        },
      })
      .thenThrows('role-already-assigned');
  });
});

describe('vacating a role', () => {
  it('records that the current holder left, with the reason', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when({
        type: 'VacateRole',
        data: { roleId: 'kampen-beleidsadviseur', personId: 'person-sanne', reason: 'Nieuwe baan bij de provincie' },
      })
      .then(sanneLeftKampen);
  });

  it('records that a successor left in turn', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen)
      .when({
        type: 'VacateRole',
        data: { roleId: 'kampen-beleidsadviseur', personId: 'person-joris', reason: 'Reorganisatie' },
      })
      .then(jorisLeftKampen);
  });

  it('is refused for someone who does not hold the role', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when({
        type: 'VacateRole',
        data: { roleId: 'kampen-beleidsadviseur', personId: 'person-joris', reason: 'Vertrek' },
      })
      .thenThrows('not-the-current-holder');
  });

  it('is refused for the previous holder once a successor holds the role', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen)
      .when({
        type: 'VacateRole',
        data: { roleId: 'kampen-beleidsadviseur', personId: 'person-sanne', reason: 'Vertrek' },
      })
      .thenThrows('not-the-current-holder');
  });

  it('is refused when the role is already vacant', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen)
      .when({
        type: 'VacateRole',
        data: { roleId: 'kampen-beleidsadviseur', personId: 'person-sanne', reason: 'Vertrek' },
      })
      .thenThrows('not-the-current-holder');
  });

  it('is refused when the role was never assigned', () => {
    given()
      .when({
        type: 'VacateRole',
        data: { roleId: 'kampen-beleidsadviseur', personId: 'person-sanne', reason: 'Vertrek' },
      })
      .thenThrows('role-not-found');
  });
});

describe('appointing a successor', () => {
  it('records the successor and whom they succeed', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen)
      .when({ type: 'AppointSuccessor', data: { roleId: 'kampen-beleidsadviseur', personId: 'person-joris' } })
      .then(jorisAppointedInKampen);
  });

  it('names the most recent holder as the one succeeded', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen, jorisLeftKampen)
      .when({ type: 'AppointSuccessor', data: { roleId: 'kampen-beleidsadviseur', personId: 'person-ilse' } })
      .then({
        type: 'SuccessorAppointed',
        data: {
          roleId: 'kampen-beleidsadviseur',
          personId: 'person-ilse',
          previousPersonId: 'person-joris',
          visibility: SHARED,
        },
      });
  });

  it('is refused while the role is still held', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when({ type: 'AppointSuccessor', data: { roleId: 'kampen-beleidsadviseur', personId: 'person-joris' } })
      .thenThrows('role-is-held');
  });

  it('is refused once a successor already holds the role', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen)
      .when({ type: 'AppointSuccessor', data: { roleId: 'kampen-beleidsadviseur', personId: 'person-ilse' } })
      .thenThrows('role-is-held');
  });

  it('is refused when the role was never assigned', () => {
    given()
      .when({ type: 'AppointSuccessor', data: { roleId: 'kampen-beleidsadviseur', personId: 'person-joris' } })
      .thenThrows('role-not-found');
  });
});

describe('recording a handover', () => {
  it('is allowed from the current holder', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when(handover('person-sanne', 'person-joris'))
      .then(sanneHandedOverToJoris);
  });

  it('is allowed from the previous holder while the role is vacant', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen)
      .when(handover('person-sanne', 'person-joris'))
      .then(sanneHandedOverToJoris);
  });

  it('is allowed to nobody yet while the role is vacant', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen)
      .when(handover('person-sanne', null))
      .then(handoverRecorded('person-sanne', null));
  });

  it('is allowed from the previous holder to the successor who now holds the role', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen)
      .when(handover('person-sanne', 'person-joris'))
      .then(sanneHandedOverToJoris);
  });

  it('is allowed from the successor after the previous holder handed over to them', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen, sanneHandedOverToJoris)
      .when(handover('person-joris', 'person-ilse'))
      .then(handoverRecorded('person-joris', 'person-ilse'));
  });

  it('is refused from the previous holder to someone other than the successor who now holds the role', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen)
      .when(handover('person-sanne', 'person-ilse'))
      .thenThrows('not-the-current-holder');
  });

  it('is refused from the previous holder to nobody once a successor holds the role', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen)
      .when(handover('person-sanne', null))
      .thenThrows('not-the-current-holder');
  });

  it('is refused from someone who never held the role', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when(handover('person-ilse', 'person-joris'))
      .thenThrows('not-the-current-holder');
  });

  it('is refused from someone who held the role before the previous holder', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, jorisAppointedInKampen, jorisLeftKampen)
      .when(handover('person-sanne', 'person-ilse'))
      .thenThrows('not-the-current-holder');
  });

  it('is refused when the same person already recorded a handover', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, sanneHandedOverToJoris)
      .when(handover('person-sanne', 'person-joris'))
      .thenThrows('handover-already-recorded');
  });

  it('is refused a second time even after the successor was appointed', () => {
    given(sanneAssignedBeleidsadviseurKampen, sanneLeftKampen, sanneHandedOverToJoris, jorisAppointedInKampen)
      .when(handover('person-sanne', 'person-joris'))
      .thenThrows('handover-already-recorded');
  });

  it('is refused to oneself', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when(handover('person-sanne', 'person-sanne'))
      .thenThrows('handover-to-self');
  });

  it('is refused when a commitment handed over is not open', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when(handover('person-sanne', 'person-joris', ['kampen-ruimte']))
      .thenThrows('commitment-not-open');
  });

  it('is refused when a commitment handed over was made through another seat', () => {
    given(sanneAssignedBeleidsadviseurKampen)
      .when(handover('person-sanne', 'person-joris', [], ['kampen-ruimte']))
      .thenThrows('commitment-of-another-role');
  });

  it('is refused when the role was never assigned', () => {
    given().when(handover('person-sanne', 'person-joris')).thenThrows('role-not-found');
  });
});
