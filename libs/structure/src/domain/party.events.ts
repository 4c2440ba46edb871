import { Upcaster, withSharedVisibility, type DomainEvent, type Visibility } from '@samen/ledger-kernel';
import type { PartyKind } from './party';

/** What is stored of each party fact, field by field: changing a field here changes the log. */
export type PartyRegistered = DomainEvent<
  'PartyRegistered',
  { partyId: string; kind: PartyKind; name: string; visibility: Visibility }
>;
export type PartyEvent = PartyRegistered;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const partyUpcaster = new Upcaster<PartyEvent>({
  PartyRegistered: { current: 2, lifts: { 1: withSharedVisibility } },
});
