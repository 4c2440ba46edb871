import { deciderSpec } from '@samen/ledger-kernel/testing';
import { partyDecider, personDecider, programmeDecider } from '../domain';
import type { JoinSiteDto, LaunchProgrammeDto, RegisterPartyDto, RegisterPersonDto } from './structure.dto';
import { toJoinSite, toLaunchProgramme, toRegisterParty, toRegisterPerson } from './structure.to-command';

/**
 * The stored shape of every structure fact, from a body with every field filled in, through
 * toCommand() and the decider, to the JSON the store keeps. A field added to a body fails to
 * compile here (the bodies are `Required`); one that reaches the log changes what is stored.
 */
const occurredAt = '2022-12-01T10:00:00+01:00';

describe('the stored shape of', () => {
  it('ProgrammeLaunched', () => {
    const body: Required<LaunchProgrammeDto> = {
      programmeId: 'samen',
      name: 'Programma SAMEN',
      startsOn: '2022-12-01',
      endsOn: '2024-11-25',
      publishes: ['attendance-rates'],
      occurredAt,
    };

    deciderSpec(programmeDecider)
      .given()
      .when(toLaunchProgramme(body))
      .thenStores({
        type: 'ProgrammeLaunched',
        data: {
          programmeId: 'samen',
          name: 'Programma SAMEN',
          startsOn: '2022-12-01',
          endsOn: '2024-11-25',
          publishes: ['attendance-rates'],
        },
      });
  });

  it('SiteJoined', () => {
    const body: Required<JoinSiteDto> = {
      siteId: 'vaals',
      name: 'Proeftuin Vaals',
      initiativePartyIds: ['initiatief-vaals', 'initiatief-vaals'],
      gemeentePartyId: 'gemeente-vaals',
      funded: true,
      occurredAt,
    };
    const partyKinds = { 'gemeente-vaals': 'municipality', 'initiatief-vaals': 'initiative' } as const;

    deciderSpec(programmeDecider)
      .given({
        type: 'ProgrammeLaunched',
        data: { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01' },
      })
      .when({ ...toJoinSite(body, 'samen'), context: { partyKinds } })
      .thenStores({
        type: 'SiteJoined',
        data: {
          programmeId: 'samen',
          siteId: 'vaals',
          name: 'Proeftuin Vaals',
          initiativePartyIds: ['initiatief-vaals'],
          gemeentePartyId: 'gemeente-vaals',
          funded: true,
        },
      });
  });

  it('PartyRegistered', () => {
    const body: Required<RegisterPartyDto> = {
      partyId: 'gemeente-vaals',
      kind: 'municipality',
      name: 'Gemeente Vaals',
      occurredAt,
    };

    deciderSpec(partyDecider)
      .given()
      .when(toRegisterParty(body))
      .thenStores({
        type: 'PartyRegistered',
        data: { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' },
      });
  });

  it('PersonRegistered', () => {
    const body: Required<RegisterPersonDto> = {
      personId: 'person-rita',
      name: 'Rita Hermans',
      email: 'rita@example.nl',
      phone: '+31 6 12345678',
      occurredAt,
    };

    deciderSpec(personDecider)
      .given()
      .when(toRegisterPerson(body))
      .thenStores({
        type: 'PersonRegistered',
        data: { personId: 'person-rita', name: 'Rita Hermans', email: 'rita@example.nl', phone: '+31 6 12345678' },
      });
  });
});
