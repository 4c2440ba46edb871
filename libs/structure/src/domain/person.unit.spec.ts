import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import { personDecider, type PersonRegistered, type RegisterPerson } from '.';

const { given } = deciderSpec(personDecider);

const registerNoor: RegisterPerson = {
  type: 'RegisterPerson',
  data: { personId: 'person-noor', name: 'Noor Verbeek', email: 'noor@example.org', phone: '+31 6 00000000' },
};
const noorRegistered: PersonRegistered = {
  type: 'PersonRegistered',
  data: {
    personId: 'person-noor',
    name: 'Noor Verbeek',
    email: 'noor@example.org',
    phone: '+31 6 00000000',
    visibility: SHARED,
  },
};

describe('registering a person', () => {
  it('records the name and contact details', () => {
    given().when(registerNoor).then(noorRegistered);
  });

  it('records a person with a name only', () => {
    given()
      .when({ type: 'RegisterPerson', data: { personId: 'person-ambtenaar-1', name: 'Daan de Wit' } })
      .then({
        type: 'PersonRegistered',
        data: { personId: 'person-ambtenaar-1', name: 'Daan de Wit', visibility: SHARED },
      });
  });

  it('is refused when the person was already registered', () => {
    given(noorRegistered).when(registerNoor).thenThrows('person-already-registered');
  });
});
