import { IllegalStateError, storedVisibility, streamName, type Decider, type Visibility } from '@samen/ledger-kernel';
import { personUpcaster, type PersonEvent } from './person.events';

/** Name and contact details are personal data (see libs/personal-data). */
export type PersonDetails = { personId: string; name: string; email?: string; phone?: string };

/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

export type RegisterPerson = Readonly<{ type: 'RegisterPerson'; data: PersonDetails & Visible }>;
export type PersonCommand = RegisterPerson;

export type Person = { status: 'none' } | { status: 'registered'; personId: string };

export const personStream = (personId: string) => streamName('person', personId);

export const personDecider: Decider<PersonCommand, PersonEvent, Person> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (state.status !== 'none') {
      throw new IllegalStateError(
        'person-already-registered',
        `Persoon "${command.data.personId}" is al geregistreerd. / Person "${command.data.personId}" is already registered.`,
      );
    }
    const { personId, name, email, phone } = command.data;
    return [
      {
        type: 'PersonRegistered',
        data: {
          personId,
          name,
          ...(email !== undefined && { email }),
          ...(phone !== undefined && { phone }),
          visibility: storedVisibility(command.data.visibility),
        },
      },
    ];
  },
  evolve(_state, event) {
    return { status: 'registered', personId: event.data.personId };
  },
  upcaster: personUpcaster,
};
