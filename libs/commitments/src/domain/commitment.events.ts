import { Upcaster, type Cents, type DomainEvent, type IsoDate } from '@samen/ledger-kernel';
import type { CommitmentKind } from './commitment';

/** What is stored of each commitment fact, field by field: changing a field here changes the log. */
export type CommitmentMade = DomainEvent<
  'CommitmentMade',
  {
    commitmentId: string;
    programmeId: string;
    siteId?: string;
    byPartyId: string;
    /** The seat it is made through; whoever holds that role owns the commitment. */
    byRoleId?: string;
    responsiblePersonId: string;
    /** Each once, in the order first named. */
    toPartyIds: string[];
    kind: CommitmentKind;
    description: string;
    amountInCents?: Cents;
    dueOn?: IsoDate;
  }
>;
/** Only the terms that changed are named. */
export type CommitmentAmended = DomainEvent<
  'CommitmentAmended',
  { commitmentId: string; description?: string; amountInCents?: Cents; dueOn?: IsoDate; reason: string }
>;
export type CommitmentOwnershipTransferred = DomainEvent<
  'CommitmentOwnershipTransferred',
  { commitmentId: string; toPersonId: string; toRoleId?: string; reason: string; fromPersonId: string }
>;
export type CommitmentFulfilled = DomainEvent<'CommitmentFulfilled', { commitmentId: string; evidence: string }>;
export type CommitmentBroken = DomainEvent<'CommitmentBroken', { commitmentId: string; reason: string }>;
export type CommitmentWithdrawn = DomainEvent<'CommitmentWithdrawn', { commitmentId: string; reason: string }>;
export type CommitmentEvent =
  | CommitmentMade
  | CommitmentAmended
  | CommitmentOwnershipTransferred
  | CommitmentFulfilled
  | CommitmentBroken
  | CommitmentWithdrawn;

export const commitmentUpcaster = new Upcaster<CommitmentEvent>({
  CommitmentMade: { current: 1 },
  CommitmentAmended: { current: 1 },
  CommitmentOwnershipTransferred: { current: 1 },
  CommitmentFulfilled: { current: 1 },
  CommitmentBroken: { current: 1 },
  CommitmentWithdrawn: { current: 1 },
});
