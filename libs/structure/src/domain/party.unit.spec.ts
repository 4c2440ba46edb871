import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import { partyDecider, type PartyRegistered, type RegisterParty } from '.';

const { given } = deciderSpec(partyDecider);

const registerGemeenteVaals: RegisterParty = {
  type: 'RegisterParty',
  data: { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' },
};
const gemeenteVaalsRegistered: PartyRegistered = {
  type: 'PartyRegistered',
  data: { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals', visibility: SHARED },
};

describe('registering a party', () => {
  it('records a gemeente with its kind and name', () => {
    given().when(registerGemeenteVaals).then(gemeenteVaalsRegistered);
  });

  it('records a fund with its kind and name', () => {
    given()
      .when({ type: 'RegisterParty', data: { partyId: 'vsbfonds', kind: 'fund', name: 'VSBfonds' } })
      .then({
        type: 'PartyRegistered',
        data: { partyId: 'vsbfonds', kind: 'fund', name: 'VSBfonds', visibility: SHARED },
      });
  });

  it('is refused when the party was already registered', () => {
    given(gemeenteVaalsRegistered).when(registerGemeenteVaals).thenThrows('party-already-registered');
  });

  it('is refused when the party was already registered, even under another name', () => {
    given(gemeenteVaalsRegistered)
      .when({ type: 'RegisterParty', data: { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Vaals' } })
      .thenThrows('party-already-registered');
  });
});
