import {
  Upcaster,
  withSharedVisibility,
  type Cents,
  type DomainEvent,
  type IsoDate,
  type Visibility,
} from '@samen/ledger-kernel';
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
    /** Who may read it (schema version 2; version 1 read as shared). */
    visibility: Visibility;
  }
>;
/** Only the terms that changed are named. */
export type CommitmentAmended = DomainEvent<
  'CommitmentAmended',
  {
    commitmentId: string;
    description?: string;
    amountInCents?: Cents;
    dueOn?: IsoDate;
    reason: string;
    visibility: Visibility;
  }
>;
export type CommitmentOwnershipTransferred = DomainEvent<
  'CommitmentOwnershipTransferred',
  {
    commitmentId: string;
    toPersonId: string;
    toRoleId?: string;
    reason: string;
    fromPersonId: string;
    visibility: Visibility;
  }
>;
export type CommitmentFulfilled = DomainEvent<
  'CommitmentFulfilled',
  { commitmentId: string; evidence: string; visibility: Visibility }
>;
export type CommitmentBroken = DomainEvent<
  'CommitmentBroken',
  { commitmentId: string; reason: string; visibility: Visibility }
>;
export type CommitmentWithdrawn = DomainEvent<
  'CommitmentWithdrawn',
  { commitmentId: string; reason: string; visibility: Visibility }
>;
export type CommitmentEvent =
  | CommitmentMade
  | CommitmentAmended
  | CommitmentOwnershipTransferred
  | CommitmentFulfilled
  | CommitmentBroken
  | CommitmentWithdrawn;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const commitmentUpcaster = new Upcaster<CommitmentEvent>({
  CommitmentMade: { current: 2, lifts: { 1: withSharedVisibility } },
  CommitmentAmended: { current: 2, lifts: { 1: withSharedVisibility } },
  CommitmentOwnershipTransferred: { current: 2, lifts: { 1: withSharedVisibility } },
  CommitmentFulfilled: { current: 2, lifts: { 1: withSharedVisibility } },
  CommitmentBroken: { current: 2, lifts: { 1: withSharedVisibility } },
  CommitmentWithdrawn: { current: 2, lifts: { 1: withSharedVisibility } },
});
