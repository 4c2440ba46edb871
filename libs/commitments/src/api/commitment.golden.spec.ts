import { deciderSpec } from '@samen/ledger-kernel/testing';
import { commitmentDecider, type CommitmentMade } from '../domain';
import type {
  AmendCommitmentDto,
  CloseCommitmentDto,
  FulfilCommitmentDto,
  MakeCommitmentDto,
  TransferCommitmentOwnershipDto,
} from './commitment.dto';
import {
  toAmendCommitment,
  toBreakCommitment,
  toFulfilCommitment,
  toMakeCommitment,
  toTransferCommitmentOwnership,
  toWithdrawCommitment,
} from './commitment.to-command';

/**
 * The stored shape of every commitment fact, from a body with every field filled in, through
 * toCommand() and the decider, to the JSON the store keeps. A field added to a body fails to
 * compile here (the bodies are `Required`); one that reaches the log changes what is stored.
 */
const occurredAt = '2023-06-01T10:00:00+02:00';
const { given } = deciderSpec(commitmentDecider);

const vaalsFundingPromised: CommitmentMade = {
  type: 'CommitmentMade',
  data: {
    commitmentId: 'vaals-subsidie',
    programmeId: 'samen',
    byPartyId: 'gemeente-vaals',
    byRoleId: 'vaals-beleid',
    responsiblePersonId: 'person-rita',
    toPartyIds: ['initiatief-vaals'],
    kind: 'fund',
    description: 'Jaarlijkse subsidie',
    amountInCents: 500_000,
  },
};
const reason = 'Besluit van de raad';

describe('the stored shape of', () => {
  it('CommitmentMade', () => {
    const body: Required<MakeCommitmentDto> = {
      commitmentId: 'ignored-for-the-given-id',
      programmeId: 'samen',
      siteId: 'vaals',
      byPartyId: 'gemeente-vaals',
      byRoleId: 'vaals-beleid',
      responsiblePersonId: 'person-rita',
      toPartyIds: ['initiatief-vaals', 'fonds-doen', 'initiatief-vaals'],
      kind: 'fund',
      description: 'Jaarlijkse subsidie',
      amountInCents: 500_000,
      dueOn: '2023-12-31',
      occurredAt,
    };

    given()
      .when(toMakeCommitment(body, 'vaals-subsidie'))
      .thenStores({
        type: 'CommitmentMade',
        data: {
          commitmentId: 'vaals-subsidie',
          programmeId: 'samen',
          siteId: 'vaals',
          byPartyId: 'gemeente-vaals',
          byRoleId: 'vaals-beleid',
          responsiblePersonId: 'person-rita',
          toPartyIds: ['initiatief-vaals', 'fonds-doen'],
          kind: 'fund',
          description: 'Jaarlijkse subsidie',
          amountInCents: 500_000,
          dueOn: '2023-12-31',
        },
      });
  });

  it('CommitmentAmended', () => {
    const body: Required<AmendCommitmentDto> = {
      description: 'Subsidie voor twee jaar',
      amountInCents: 900_000,
      dueOn: '2024-12-31',
      reason,
      occurredAt,
    };

    given(vaalsFundingPromised)
      .when(toAmendCommitment(body, 'vaals-subsidie'))
      .thenStores({
        type: 'CommitmentAmended',
        data: {
          commitmentId: 'vaals-subsidie',
          description: 'Subsidie voor twee jaar',
          amountInCents: 900_000,
          dueOn: '2024-12-31',
          reason,
        },
      });
  });

  it('CommitmentOwnershipTransferred', () => {
    const body: Required<TransferCommitmentOwnershipDto> = {
      toPersonId: 'person-sem',
      toRoleId: 'vaals-wijk',
      reason,
      occurredAt,
    };

    given(vaalsFundingPromised)
      .when(toTransferCommitmentOwnership(body, 'vaals-subsidie'))
      .thenStores({
        type: 'CommitmentOwnershipTransferred',
        data: {
          commitmentId: 'vaals-subsidie',
          toPersonId: 'person-sem',
          toRoleId: 'vaals-wijk',
          reason,
          fromPersonId: 'person-rita',
        },
      });
  });

  it('CommitmentFulfilled', () => {
    const body: Required<FulfilCommitmentDto> = { evidence: 'Beschikking 2023-114', occurredAt };

    given(vaalsFundingPromised)
      .when(toFulfilCommitment(body, 'vaals-subsidie'))
      .thenStores({
        type: 'CommitmentFulfilled',
        data: { commitmentId: 'vaals-subsidie', evidence: 'Beschikking 2023-114' },
      });
  });

  it('CommitmentBroken', () => {
    const body: Required<CloseCommitmentDto> = { reason, occurredAt };

    given(vaalsFundingPromised)
      .when(toBreakCommitment(body, 'vaals-subsidie'))
      .thenStores({ type: 'CommitmentBroken', data: { commitmentId: 'vaals-subsidie', reason } });
  });

  it('CommitmentWithdrawn', () => {
    const body: Required<CloseCommitmentDto> = { reason, occurredAt };

    given(vaalsFundingPromised)
      .when(toWithdrawCommitment(body, 'vaals-subsidie'))
      .thenStores({ type: 'CommitmentWithdrawn', data: { commitmentId: 'vaals-subsidie', reason } });
  });
});
