import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import {
  commitmentDecider,
  type CommitmentAmended,
  type CommitmentBroken,
  type CommitmentCommand,
  type CommitmentEvent,
  type CommitmentFulfilled,
  type CommitmentMade,
  type CommitmentOwnershipTransferred,
  type CommitmentWithdrawn,
  type MakeCommitment,
} from '.';

const { given } = deciderSpec(commitmentDecider);

const tynaarloBudgetPromised: CommitmentMade = {
  type: 'CommitmentMade',
  data: {
    commitmentId: 'tynaarlo-begroting',
    programmeId: 'samen',
    siteId: 'tynaarlo',
    byPartyId: 'gemeente-tynaarlo',
    byRoleId: 'tynaarlo-beleidsadviseur',
    responsiblePersonId: 'person-a',
    toPartyIds: ['plaats-de-wereld'],
    kind: 'change-policy',
    description: 'Plaats de Wereld opnemen in de gemeentebegroting',
    dueOn: '2024-01-01',
    visibility: SHARED,
  },
};
const tynaarloBudgetWithdrawn: CommitmentWithdrawn = {
  type: 'CommitmentWithdrawn',
  data: { commitmentId: 'tynaarlo-begroting', reason: 'Raad stemde tegen', visibility: SHARED },
};
const tynaarloBudgetKept: CommitmentFulfilled = {
  type: 'CommitmentFulfilled',
  data: { commitmentId: 'tynaarlo-begroting', evidence: 'Begroting 2024, post 6.1', visibility: SHARED },
};
const tynaarloBudgetBroken: CommitmentBroken = {
  type: 'CommitmentBroken',
  data: { commitmentId: 'tynaarlo-begroting', reason: 'Niet opgenomen in de voorjaarsnota', visibility: SHARED },
};
const tynaarloBudgetPostponed: CommitmentAmended = {
  type: 'CommitmentAmended',
  data: {
    commitmentId: 'tynaarlo-begroting',
    dueOn: '2025-01-01',
    reason: 'Begroting 2024 was al vastgesteld',
    visibility: SHARED,
  },
};
const tynaarloBudgetHandedToSuccessor: CommitmentOwnershipTransferred = {
  type: 'CommitmentOwnershipTransferred',
  data: {
    commitmentId: 'tynaarlo-begroting',
    toPersonId: 'person-beleidsadviseur-tynaarlo-2',
    reason: 'Overdracht na vertrek van de beleidsadviseur',
    fromPersonId: 'person-a',
    visibility: SHARED,
  },
};
const tynaarloBudgetMovedToWijkmanagerSeat: CommitmentOwnershipTransferred = {
  type: 'CommitmentOwnershipTransferred',
  data: {
    commitmentId: 'tynaarlo-begroting',
    toPersonId: 'person-a',
    toRoleId: 'tynaarlo-wijkmanager',
    reason: 'Beleidsadviseur wordt wijkmanager en houdt de toezegging',
    fromPersonId: 'person-a',
    visibility: SHARED,
  },
};

const oranjeFondsPledgesKampen: MakeCommitment = {
  type: 'MakeCommitment',
  data: {
    commitmentId: 'oranje-fonds-kampen',
    programmeId: 'samen',
    siteId: 'kampen',
    byPartyId: 'oranje-fonds',
    responsiblePersonId: 'person-fondsadviseur-1',
    toPartyIds: ['het-8ste-werk'],
    kind: 'fund',
    description: 'Bijdrage aan de proeftuin Kampen',
    amountInCents: 2_500_000,
  },
};
const oranjeFondsPledgedKampen: CommitmentMade = {
  type: 'CommitmentMade',
  data: { ...oranjeFondsPledgesKampen.data, visibility: SHARED },
};

const vaalsPromisesAttendanceFee: MakeCommitment = {
  type: 'MakeCommitment',
  data: {
    commitmentId: 'vaals-vergoeding',
    programmeId: 'samen',
    siteId: 'vaals',
    byPartyId: 'gemeente-vaals',
    byRoleId: 'vaals-ambtenaar',
    responsiblePersonId: 'person-ambtenaar-1',
    toPartyIds: ['vaals-verbindt'],
    kind: 'attendance-fee',
    description: 'Vergoeding per bijgewoonde collectieve bijeenkomst',
    amountInCents: 5_000,
  },
};

describe('making a commitment', () => {
  it('records the terms as promised', () => {
    given().when({ type: 'MakeCommitment', data: tynaarloBudgetPromised.data }).then(tynaarloBudgetPromised);
  });

  it('records a commitment of money with its amount', () => {
    given().when(oranjeFondsPledgesKampen).then(oranjeFondsPledgedKampen);
  });

  it('records an attendance fee with its amount per meeting', () => {
    given()
      .when(vaalsPromisesAttendanceFee)
      .then({ type: 'CommitmentMade', data: { ...vaalsPromisesAttendanceFee.data, visibility: SHARED } });
  });

  it('lists each receiving party once, even when named twice', () => {
    given()
      .when({
        type: 'MakeCommitment',
        data: { ...tynaarloBudgetPromised.data, toPartyIds: ['plaats-de-wereld', 'vng', 'plaats-de-wereld'] },
      })
      .then({
        type: 'CommitmentMade',
        data: { ...tynaarloBudgetPromised.data, toPartyIds: ['plaats-de-wereld', 'vng'] },
      });
  });

  it('is refused when a commitment with that id was already made', () => {
    given(tynaarloBudgetPromised)
      .when({ type: 'MakeCommitment', data: tynaarloBudgetPromised.data })
      .thenThrows('commitment-already-made');
  });

  it('is refused when the id was already used, even after the first commitment was withdrawn', () => {
    given(tynaarloBudgetPromised, tynaarloBudgetWithdrawn)
      .when({ type: 'MakeCommitment', data: tynaarloBudgetPromised.data })
      .thenThrows('commitment-already-made');
  });

  it('is refused when a fund promises money without an amount', () => {
    const { amountInCents: _amount, ...withoutAmount } = oranjeFondsPledgesKampen.data;
    given().when({ type: 'MakeCommitment', data: withoutAmount }).thenThrows('amount-required');
  });

  it('is refused when an attendance fee is promised without an amount', () => {
    const { amountInCents: _amount, ...withoutAmount } = vaalsPromisesAttendanceFee.data;
    given().when({ type: 'MakeCommitment', data: withoutAmount }).thenThrows('amount-required');
  });

  it('is refused when the amount promised is zero', () => {
    given()
      .when({ type: 'MakeCommitment', data: { ...oranjeFondsPledgesKampen.data, amountInCents: 0 } })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the amount promised is negative', () => {
    given()
      .when({ type: 'MakeCommitment', data: { ...oranjeFondsPledgesKampen.data, amountInCents: -5 } })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the amount promised is not a whole number of cents', () => {
    given()
      .when({ type: 'MakeCommitment', data: { ...oranjeFondsPledgesKampen.data, amountInCents: 12.5 } })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when a party commits only to itself', () => {
    given()
      .when({ type: 'MakeCommitment', data: { ...tynaarloBudgetPromised.data, toPartyIds: ['gemeente-tynaarlo'] } })
      .thenThrows('commitment-to-self');
  });

  it('is refused when the committing party is also named among the receiving parties', () => {
    given()
      .when({
        type: 'MakeCommitment',
        data: { ...tynaarloBudgetPromised.data, toPartyIds: ['plaats-de-wereld', 'gemeente-tynaarlo'] },
      })
      .thenThrows('commitment-to-self');
  });
});

describe('amending a commitment', () => {
  it('records the new due date and the reason', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'AmendCommitment',
        data: { commitmentId: 'tynaarlo-begroting', dueOn: '2025-01-01', reason: 'Begroting 2024 was al vastgesteld' },
      })
      .then(tynaarloBudgetPostponed);
  });

  it('records a new amount for a commitment of money', () => {
    given(oranjeFondsPledgedKampen)
      .when({
        type: 'AmendCommitment',
        data: { commitmentId: 'oranje-fonds-kampen', amountInCents: 3_000_000, reason: 'Extra jaar toegevoegd' },
      })
      .then({
        type: 'CommitmentAmended',
        data: {
          commitmentId: 'oranje-fonds-kampen',
          amountInCents: 3_000_000,
          reason: 'Extra jaar toegevoegd',
          visibility: SHARED,
        },
      });
  });

  it('records a new description', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'AmendCommitment',
        data: {
          commitmentId: 'tynaarlo-begroting',
          description: 'Plaats de Wereld structureel opnemen in de gemeentebegroting',
          reason: 'Structureel in plaats van eenmalig',
        },
      })
      .then({
        type: 'CommitmentAmended',
        data: {
          commitmentId: 'tynaarlo-begroting',
          description: 'Plaats de Wereld structureel opnemen in de gemeentebegroting',
          reason: 'Structureel in plaats van eenmalig',
          visibility: SHARED,
        },
      });
  });

  it('is accepted when only one of several named terms changes', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'AmendCommitment',
        data: {
          commitmentId: 'tynaarlo-begroting',
          description: tynaarloBudgetPromised.data.description,
          dueOn: '2025-01-01',
          reason: 'Uitgesteld',
        },
      })
      .then({
        type: 'CommitmentAmended',
        data: {
          commitmentId: 'tynaarlo-begroting',
          description: tynaarloBudgetPromised.data.description,
          dueOn: '2025-01-01',
          reason: 'Uitgesteld',
          visibility: SHARED,
        },
      });
  });

  it('is refused when it names no terms at all', () => {
    given(tynaarloBudgetPromised)
      .when({ type: 'AmendCommitment', data: { commitmentId: 'tynaarlo-begroting', reason: 'Geen wijziging' } })
      .thenThrows('amendment-changes-nothing');
  });

  it('is refused when every named term is what was already promised', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'AmendCommitment',
        data: {
          commitmentId: 'tynaarlo-begroting',
          description: tynaarloBudgetPromised.data.description,
          dueOn: '2024-01-01',
          reason: 'Bevestiging',
        },
      })
      .thenThrows('amendment-changes-nothing');
  });

  it('is refused when the amount is the amount already promised', () => {
    given(oranjeFondsPledgedKampen)
      .when({
        type: 'AmendCommitment',
        data: { commitmentId: 'oranje-fonds-kampen', amountInCents: 2_500_000, reason: 'Bevestiging' },
      })
      .thenThrows('amendment-changes-nothing');
  });

  it('is refused when the new amount is zero', () => {
    given(oranjeFondsPledgedKampen)
      .when({
        type: 'AmendCommitment',
        data: { commitmentId: 'oranje-fonds-kampen', amountInCents: 0, reason: 'Bijdrage geschrapt' },
      })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the new amount is negative', () => {
    given(oranjeFondsPledgedKampen)
      .when({
        type: 'AmendCommitment',
        data: { commitmentId: 'oranje-fonds-kampen', amountInCents: -5, reason: 'Correctie' },
      })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when the new amount is not a whole number of cents', () => {
    given(oranjeFondsPledgedKampen)
      .when({
        type: 'AmendCommitment',
        data: { commitmentId: 'oranje-fonds-kampen', amountInCents: 12.5, reason: 'Afronding' },
      })
      .thenThrows('amount-not-positive-cents');
  });

  it('is refused when it repeats an earlier amendment', () => {
    given(tynaarloBudgetPromised, tynaarloBudgetPostponed)
      .when({
        type: 'AmendCommitment',
        data: { commitmentId: 'tynaarlo-begroting', dueOn: '2025-01-01', reason: 'Nogmaals uitgesteld' },
      })
      .thenThrows('amendment-changes-nothing');
  });

  it('is refused for a commitment that was never made', () => {
    given()
      .when({ type: 'AmendCommitment', data: { commitmentId: 'tynaarlo-begroting', dueOn: '2025-01-01', reason: 'x' } })
      .thenThrows('commitment-not-found');
  });
});

describe('transferring ownership of a commitment', () => {
  it('records the successor and the previous owner', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'TransferCommitmentOwnership',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-beleidsadviseur-tynaarlo-2',
          reason: 'Overdracht na vertrek van de beleidsadviseur',
        },
      })
      .then(tynaarloBudgetHandedToSuccessor);
  });

  it('records the new seat when the commitment moves to another role', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'TransferCommitmentOwnership',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-wijkmanager-tynaarlo-1',
          toRoleId: 'tynaarlo-wijkmanager',
          reason: 'Wijkmanager neemt het over',
        },
      })
      .then({
        type: 'CommitmentOwnershipTransferred',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-wijkmanager-tynaarlo-1',
          toRoleId: 'tynaarlo-wijkmanager',
          reason: 'Wijkmanager neemt het over',
          fromPersonId: 'person-a',
          visibility: SHARED,
        },
      });
  });

  it('records the latest owner as the previous owner after an earlier transfer', () => {
    given(tynaarloBudgetPromised, tynaarloBudgetHandedToSuccessor)
      .when({
        type: 'TransferCommitmentOwnership',
        data: { commitmentId: 'tynaarlo-begroting', toPersonId: 'person-a', reason: 'Terug na verlof' },
      })
      .then({
        type: 'CommitmentOwnershipTransferred',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-a',
          reason: 'Terug na verlof',
          fromPersonId: 'person-beleidsadviseur-tynaarlo-2',
          visibility: SHARED,
        },
      });
  });

  it('records the same person moving the commitment to another seat they hold', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'TransferCommitmentOwnership',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-a',
          toRoleId: 'tynaarlo-wijkmanager',
          reason: 'Beleidsadviseur wordt wijkmanager en houdt de toezegging',
        },
      })
      .then(tynaarloBudgetMovedToWijkmanagerSeat);
  });

  it('is refused when the person is already responsible', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'TransferCommitmentOwnership',
        data: { commitmentId: 'tynaarlo-begroting', toPersonId: 'person-a', reason: 'Vergissing' },
      })
      .thenThrows('already-the-owner');
  });

  it('is refused when the person already responsible is named with the seat it is already made through', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'TransferCommitmentOwnership',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-a',
          toRoleId: 'tynaarlo-beleidsadviseur',
          reason: 'Vergissing',
        },
      })
      .thenThrows('already-the-owner');
  });

  it('is refused when the owner is named again with the seat they just moved it to', () => {
    given(tynaarloBudgetPromised, tynaarloBudgetMovedToWijkmanagerSeat)
      .when({
        type: 'TransferCommitmentOwnership',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-a',
          toRoleId: 'tynaarlo-wijkmanager',
          reason: 'Dubbel ingevoerd',
        },
      })
      .thenThrows('already-the-owner');
  });

  it('is refused when the successor who already took it over is named again', () => {
    given(tynaarloBudgetPromised, tynaarloBudgetHandedToSuccessor)
      .when({
        type: 'TransferCommitmentOwnership',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-beleidsadviseur-tynaarlo-2',
          reason: 'Dubbel ingevoerd',
        },
      })
      .thenThrows('already-the-owner');
  });

  it('is refused for a commitment that was never made', () => {
    given()
      .when({
        type: 'TransferCommitmentOwnership',
        data: { commitmentId: 'tynaarlo-begroting', toPersonId: 'person-beleidsadviseur-tynaarlo-2', reason: 'x' },
      })
      .thenThrows('commitment-not-found');
  });
});

describe('fulfilling a commitment', () => {
  it('records the evidence when the commitment is open', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'FulfilCommitment',
        data: { commitmentId: 'tynaarlo-begroting', evidence: 'Begroting 2024, post 6.1' },
      })
      .then({
        type: 'CommitmentFulfilled',
        data: { commitmentId: 'tynaarlo-begroting', evidence: 'Begroting 2024, post 6.1', visibility: SHARED },
      });
  });

  it('is refused once the commitment was withdrawn', () => {
    given(tynaarloBudgetPromised, tynaarloBudgetWithdrawn)
      .when({ type: 'FulfilCommitment', data: { commitmentId: 'tynaarlo-begroting', evidence: 'x' } })
      .thenThrows('commitment-not-open');
  });

  it('is accepted after the commitment was amended and handed over', () => {
    given(tynaarloBudgetPromised, tynaarloBudgetPostponed, tynaarloBudgetHandedToSuccessor)
      .when({ type: 'FulfilCommitment', data: { commitmentId: 'tynaarlo-begroting', evidence: 'Begroting 2025' } })
      .then({
        type: 'CommitmentFulfilled',
        data: { commitmentId: 'tynaarlo-begroting', evidence: 'Begroting 2025', visibility: SHARED },
      });
  });

  it('is refused for a commitment that was never made', () => {
    given()
      .when({ type: 'FulfilCommitment', data: { commitmentId: 'tynaarlo-begroting', evidence: 'x' } })
      .thenThrows('commitment-not-found');
  });
});

describe('breaking a commitment', () => {
  it('records the reason when the commitment is open', () => {
    given(tynaarloBudgetPromised)
      .when({
        type: 'BreakCommitment',
        data: { commitmentId: 'tynaarlo-begroting', reason: 'Niet opgenomen in de voorjaarsnota' },
      })
      .then(tynaarloBudgetBroken);
  });

  it('is refused for a commitment that was never made', () => {
    given()
      .when({ type: 'BreakCommitment', data: { commitmentId: 'tynaarlo-begroting', reason: 'x' } })
      .thenThrows('commitment-not-found');
  });
});

describe('withdrawing a commitment', () => {
  it('records the reason when the commitment is open', () => {
    given(tynaarloBudgetPromised)
      .when({ type: 'WithdrawCommitment', data: { commitmentId: 'tynaarlo-begroting', reason: 'Raad stemde tegen' } })
      .then(tynaarloBudgetWithdrawn);
  });

  it('is refused for a commitment that was never made', () => {
    given()
      .when({ type: 'WithdrawCommitment', data: { commitmentId: 'tynaarlo-begroting', reason: 'x' } })
      .thenThrows('commitment-not-found');
  });
});

describe('a commitment that is no longer open', () => {
  const closings: [string, CommitmentEvent][] = [
    ['fulfilled', tynaarloBudgetKept],
    ['broken', tynaarloBudgetBroken],
    ['withdrawn', tynaarloBudgetWithdrawn],
  ];
  const laterCommands: [string, CommitmentCommand][] = [
    [
      'amended',
      { type: 'AmendCommitment', data: { commitmentId: 'tynaarlo-begroting', dueOn: '2025-01-01', reason: 'Uitstel' } },
    ],
    [
      'transferred',
      {
        type: 'TransferCommitmentOwnership',
        data: {
          commitmentId: 'tynaarlo-begroting',
          toPersonId: 'person-beleidsadviseur-tynaarlo-2',
          reason: 'Overdracht',
        },
      },
    ],
    [
      'fulfilled',
      { type: 'FulfilCommitment', data: { commitmentId: 'tynaarlo-begroting', evidence: 'Begroting 2024' } },
    ],
    ['broken', { type: 'BreakCommitment', data: { commitmentId: 'tynaarlo-begroting', reason: 'Niet gedaan' } }],
    ['withdrawn', { type: 'WithdrawCommitment', data: { commitmentId: 'tynaarlo-begroting', reason: 'Ingetrokken' } }],
  ];
  const cases = closings.flatMap(([closedAs, closing]) =>
    laterCommands.map(([action, command]) => [action, closedAs, closing, command] as const),
  );

  it.each(cases)('cannot be %s once it was %s', (_action, _closedAs, closing, command) => {
    given(tynaarloBudgetPromised, closing).when(command).thenThrows('commitment-not-open');
  });
});
