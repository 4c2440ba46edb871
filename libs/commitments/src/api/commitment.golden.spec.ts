import { deciderSpec } from '@samen/ledger-kernel/testing';
import { commitmentDecider, commitmentUpcaster, type CommitmentMade } from '../domain';
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
    visibility: { kind: 'shared' },
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
      visibility: { kind: 'parties', partyIds: ['gemeente-vaals', 'initiatief-vaals'] },
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
          visibility: { kind: 'parties', partyIds: ['gemeente-vaals', 'initiatief-vaals'] },
        },
      });
  });

  it('CommitmentAmended', () => {
    const body: Required<AmendCommitmentDto> = {
      description: 'Subsidie voor twee jaar',
      amountInCents: 900_000,
      dueOn: '2024-12-31',
      reason,
      visibility: { kind: 'initiatives' },
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
          visibility: { kind: 'initiatives' },
        },
      });
  });

  it('CommitmentOwnershipTransferred', () => {
    const body: Required<TransferCommitmentOwnershipDto> = {
      toPersonId: 'person-sem',
      toRoleId: 'vaals-wijk',
      reason,
      visibility: { kind: 'funders-aggregate' },
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
          visibility: { kind: 'funders-aggregate' },
        },
      });
  });

  it('CommitmentFulfilled', () => {
    const body: Required<FulfilCommitmentDto> = {
      evidence: 'Beschikking 2023-114',
      visibility: { kind: 'shared' },
      occurredAt,
    };

    given(vaalsFundingPromised)
      .when(toFulfilCommitment(body, 'vaals-subsidie'))
      .thenStores({
        type: 'CommitmentFulfilled',
        data: { commitmentId: 'vaals-subsidie', evidence: 'Beschikking 2023-114', visibility: { kind: 'shared' } },
      });
  });

  it('CommitmentBroken', () => {
    const body: Required<CloseCommitmentDto> = {
      reason,
      visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] },
      occurredAt,
    };

    given(vaalsFundingPromised)
      .when(toBreakCommitment(body, 'vaals-subsidie'))
      .thenStores({
        type: 'CommitmentBroken',
        data: { commitmentId: 'vaals-subsidie', reason, visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] } },
      });
  });

  it('CommitmentWithdrawn', () => {
    const body: Required<CloseCommitmentDto> = {
      reason,
      visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] },
      occurredAt,
    };

    given(vaalsFundingPromised)
      .when(toWithdrawCommitment(body, 'vaals-subsidie'))
      .thenStores({
        type: 'CommitmentWithdrawn',
        data: { commitmentId: 'vaals-subsidie', reason, visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] } },
      });
  });
});

describe('a commitment fact stored at schema version 1', () => {
  const { visibility: _none, ...storedThen } = vaalsFundingPromised.data;

  it.each(Object.keys(commitmentUpcaster.declared))('%s is read at version 2, as shared', (type) => {
    expect(commitmentUpcaster.currentVersion(type)).toBe(2);
    expect(commitmentUpcaster.upcast(type, 1, storedThen)).toEqual({ ...storedThen, visibility: { kind: 'shared' } });
  });

  it('is read without changing what the store gave', () => {
    const stored = Object.freeze({ ...storedThen });
    commitmentUpcaster.upcast('CommitmentMade', 1, stored);
    expect(stored).toEqual(storedThen);
  });
});
