import { definedFields } from '@samen/command-handling';
import type {
  AmendCommitment,
  BreakCommitment,
  FulfilCommitment,
  MakeCommitment,
  TransferCommitmentOwnership,
  WithdrawCommitment,
} from '../domain/commitment';
import type {
  AmendCommitmentDto,
  CloseCommitmentDto,
  FulfilCommitmentDto,
  MakeCommitmentDto,
  TransferCommitmentOwnershipDto,
} from './commitment.dto';

/** Each body as its command, field by field: a DTO field reaches a command only when named here. */
export const toMakeCommitment = (dto: MakeCommitmentDto, commitmentId: string): MakeCommitment => ({
  type: 'MakeCommitment',
  data: definedFields({
    commitmentId,
    programmeId: dto.programmeId,
    siteId: dto.siteId,
    byPartyId: dto.byPartyId,
    byRoleId: dto.byRoleId,
    responsiblePersonId: dto.responsiblePersonId,
    toPartyIds: dto.toPartyIds,
    kind: dto.kind,
    description: dto.description,
    amountInCents: dto.amountInCents,
    dueOn: dto.dueOn,
    visibility: dto.visibility,
  }),
});

export const toAmendCommitment = (dto: AmendCommitmentDto, commitmentId: string): AmendCommitment => ({
  type: 'AmendCommitment',
  data: definedFields({
    commitmentId,
    description: dto.description,
    amountInCents: dto.amountInCents,
    dueOn: dto.dueOn,
    reason: dto.reason,
    visibility: dto.visibility,
  }),
});

export const toTransferCommitmentOwnership = (
  dto: TransferCommitmentOwnershipDto,
  commitmentId: string,
): TransferCommitmentOwnership => ({
  type: 'TransferCommitmentOwnership',
  data: definedFields({
    commitmentId,
    toPersonId: dto.toPersonId,
    toRoleId: dto.toRoleId,
    reason: dto.reason,
    visibility: dto.visibility,
  }),
});

export const toFulfilCommitment = (dto: FulfilCommitmentDto, commitmentId: string): FulfilCommitment => ({
  type: 'FulfilCommitment',
  data: definedFields({ commitmentId, evidence: dto.evidence, visibility: dto.visibility }),
});

export const toBreakCommitment = (dto: CloseCommitmentDto, commitmentId: string): BreakCommitment => ({
  type: 'BreakCommitment',
  data: definedFields({ commitmentId, reason: dto.reason, visibility: dto.visibility }),
});

export const toWithdrawCommitment = (dto: CloseCommitmentDto, commitmentId: string): WithdrawCommitment => ({
  type: 'WithdrawCommitment',
  data: definedFields({ commitmentId, reason: dto.reason, visibility: dto.visibility }),
});
