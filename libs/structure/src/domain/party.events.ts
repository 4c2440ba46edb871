import { Upcaster, type DomainEvent } from '@samen/ledger-kernel';
import type { PartyKind } from './party';

/** What is stored of each party fact, field by field: changing a field here changes the log. */
export type PartyRegistered = DomainEvent<'PartyRegistered', { partyId: string; kind: PartyKind; name: string }>;
export type PartyEvent = PartyRegistered;

export const partyUpcaster = new Upcaster<PartyEvent>({ PartyRegistered: { current: 1 } });
