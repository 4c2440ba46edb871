import { Upcaster, withSharedVisibility, type DomainEvent, type IsoDate, type Visibility } from '@samen/ledger-kernel';

/** What is stored of each role fact, field by field: changing a field here changes the log. */
export type RoleAssigned = DomainEvent<
  'RoleAssigned',
  {
    roleId: string;
    partyId: string;
    programmeId?: string;
    siteId?: string;
    title: string;
    personId: string;
    visibility: Visibility;
  }
>;
export type RoleVacated = DomainEvent<
  'RoleVacated',
  { roleId: string; personId: string; reason: string; visibility: Visibility }
>;
export type SuccessorAppointed = DomainEvent<
  'SuccessorAppointed',
  { roleId: string; personId: string; previousPersonId: string; visibility: Visibility }
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
    /** Who may read it (schema version 2; version 1 read as shared). */
    visibility: Visibility;
  }
>;
export type RoleEvent = RoleAssigned | RoleVacated | SuccessorAppointed | HandoverRecorded;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const roleUpcaster = new Upcaster<RoleEvent>({
  RoleAssigned: { current: 2, lifts: { 1: withSharedVisibility } },
  RoleVacated: { current: 2, lifts: { 1: withSharedVisibility } },
  SuccessorAppointed: { current: 2, lifts: { 1: withSharedVisibility } },
  HandoverRecorded: { current: 2, lifts: { 1: withSharedVisibility } },
});
