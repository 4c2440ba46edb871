import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import {
  partyDecider,
  partyUpcaster,
  personDecider,
  personUpcaster,
  programmeDecider,
  programmeUpcaster,
} from '../domain';
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
      visibility: { kind: 'shared' },
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
          visibility: SHARED,
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
      visibility: { kind: 'shared' },
      occurredAt,
    };
    const partyKinds = { 'gemeente-vaals': 'municipality', 'initiatief-vaals': 'initiative' } as const;

    deciderSpec(programmeDecider)
      .given({
        type: 'ProgrammeLaunched',
        data: { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01', visibility: SHARED },
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
          visibility: SHARED,
        },
      });
  });

  it('PartyRegistered', () => {
    const body: Required<RegisterPartyDto> = {
      partyId: 'gemeente-vaals',
      kind: 'municipality',
      name: 'Gemeente Vaals',
      visibility: { kind: 'shared' },
      occurredAt,
    };

    deciderSpec(partyDecider)
      .given()
      .when(toRegisterParty(body))
      .thenStores({
        type: 'PartyRegistered',
        data: { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals', visibility: SHARED },
      });
  });

  it('PersonRegistered', () => {
    const body: Required<RegisterPersonDto> = {
      personId: 'person-rita',
      name: 'Rita Hermans',
      email: 'rita@example.nl',
      phone: '+31 6 12345678',
      visibility: { kind: 'shared' },
      occurredAt,
    };

    deciderSpec(personDecider)
      .given()
      .when(toRegisterPerson(body))
      .thenStores({
        type: 'PersonRegistered',
        data: {
          personId: 'person-rita',
          name: 'Rita Hermans',
          email: 'rita@example.nl',
          phone: '+31 6 12345678',
          visibility: SHARED,
        },
      });
  });
});

describe('a structure fact stored at schema version 1', () => {
  const storedThen = { partyId: 'gemeente-vaals', kind: 'municipality', name: 'Gemeente Vaals' };

  it.each([
    ...Object.keys(programmeUpcaster.declared).map((type) => [type, programmeUpcaster] as const),
    ...Object.keys(partyUpcaster.declared).map((type) => [type, partyUpcaster] as const),
    ...Object.keys(personUpcaster.declared).map((type) => [type, personUpcaster] as const),
  ])('%s is read at version 2, as shared', (type, upcaster) => {
    expect(upcaster.currentVersion(type)).toBe(2);
    expect(upcaster.upcast(type, 1, storedThen)).toEqual({ ...storedThen, visibility: { kind: 'shared' } });
  });
});
