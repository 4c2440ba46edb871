import { Upcaster, type DomainEvent, type IsoDate } from '@samen/ledger-kernel';

/** What is stored of each role fact, field by field: changing a field here changes the log. */
export type RoleAssigned = DomainEvent<
  'RoleAssigned',
  { roleId: string; partyId: string; programmeId?: string; siteId?: string; title: string; personId: string }
>;
export type RoleVacated = DomainEvent<'RoleVacated', { roleId: string; personId: string; reason: string }>;
export type SuccessorAppointed = DomainEvent<
  'SuccessorAppointed',
  { roleId: string; personId: string; previousPersonId: string }
>;
export type HandoverRecorded = DomainEvent<
  'HandoverRecorded',
  {
    roleId: string;
    handoverId: string;
    fromPersonId: string;
    /** Null when nobody has been found yet: the handover is to the party itself. */
    toPersonId: string | null;
    handedOverOn: IsoDate;
    transferredCommitmentIds: string[];
    introducedToPartners: boolean;
    /** Restricted: only the party and the programme team may read it. */
    note?: string;
  }
>;
export type RoleEvent = RoleAssigned | RoleVacated | SuccessorAppointed | HandoverRecorded;

export const roleUpcaster = new Upcaster<RoleEvent>({
  RoleAssigned: { current: 1 },
  RoleVacated: { current: 1 },
  SuccessorAppointed: { current: 1 },
  HandoverRecorded: { current: 1 },
});
