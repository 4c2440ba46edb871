import { Upcaster, type DomainEvent, type IsoDate } from '@samen/ledger-kernel';
import type { PublishableAggregate } from './programme';

/** What is stored of each programme fact, field by field: changing a field here changes the log. */
export type ProgrammeLaunched = DomainEvent<
  'ProgrammeLaunched',
  { programmeId: string; name: string; startsOn: IsoDate; endsOn?: IsoDate; publishes?: PublishableAggregate[] }
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
  }
>;
export type ProgrammeEvent = ProgrammeLaunched | SiteJoined;

export const programmeUpcaster = new Upcaster<ProgrammeEvent>({
  ProgrammeLaunched: { current: 1 },
  SiteJoined: { current: 1 },
});
