import { Upcaster, type DomainEvent } from '@samen/ledger-kernel';

/** What is stored of each person fact, field by field: changing a field here changes the log. */
export type PersonRegistered = DomainEvent<
  'PersonRegistered',
  {
    personId: string;
    /** Name and contact details are personal data (see libs/personal-data). */
    name: string;
    email?: string;
    phone?: string;
  }
>;
export type PersonEvent = PersonRegistered;

export const personUpcaster = new Upcaster<PersonEvent>({ PersonRegistered: { current: 1 } });
