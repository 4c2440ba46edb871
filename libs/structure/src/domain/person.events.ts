import { Upcaster, withSharedVisibility, type DomainEvent, type Visibility } from '@samen/ledger-kernel';

/** What is stored of each person fact, field by field: changing a field here changes the log. */
export type PersonRegistered = DomainEvent<
  'PersonRegistered',
  {
    personId: string;
    /** Name and contact details are personal data (see libs/personal-data). */
    name: string;
    email?: string;
    phone?: string;
    /** Who may read it (schema version 2; version 1 read as shared). */
    visibility: Visibility;
  }
>;
export type PersonEvent = PersonRegistered;

/** Version 2 stores each fact's visibility; a version 1 fact was recorded for the whole programme. */
export const personUpcaster = new Upcaster<PersonEvent>({
  PersonRegistered: { current: 2, lifts: { 1: withSharedVisibility } },
});
