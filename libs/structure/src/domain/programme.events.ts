import { Upcaster, withSharedVisibility, type DomainEvent, type IsoDate, type Visibility } from '@samen/ledger-kernel';
import type { PublishableAggregate } from './programme';

/** What is stored of each programme fact, field by field: changing a field here changes the log. */
export type ProgrammeLaunched = DomainEvent<
  'ProgrammeLaunched',
  {
    programmeId: string;
    name: string;
    startsOn: IsoDate;
    endsOn?: IsoDate;
    publishes?: PublishableAggregate[];
    /** Who may read it (schema version 2; version 1 read as shared). */
    visibility: Visibility;
  }
>;
export type SiteJoined = DomainEvent<
  'SiteJoined',
  {
    programmeId: string;
    siteId: string;
    name: string;
    /** Each once, in the order first named. */
    initiativePartyIds: string[];
    gemeentePartyId: string;
    funded: boolean;
    visibility: Visibility;
  }
>;
export type ProgrammeEvent = ProgrammeLaunched | SiteJoined;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const programmeUpcaster = new Upcaster<ProgrammeEvent>({
  ProgrammeLaunched: { current: 2, lifts: { 1: withSharedVisibility } },
  SiteJoined: { current: 2, lifts: { 1: withSharedVisibility } },
});
