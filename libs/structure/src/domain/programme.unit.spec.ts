import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import { programmeDecider, type JoinSite, type LaunchProgramme, type ProgrammeLaunched, type SiteJoined } from '.';

const { given } = deciderSpec(programmeDecider);

const launchSamen: LaunchProgramme = {
  type: 'LaunchProgramme',
  data: { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2022-12-01', endsOn: '2024-11-25' },
};
const samenLaunched: ProgrammeLaunched = {
  type: 'ProgrammeLaunched',
  data: {
    programmeId: 'samen',
    name: 'Programma SAMEN',
    startsOn: '2022-12-01',
    endsOn: '2024-11-25',
    visibility: SHARED,
  },
};

const partyKinds = {
  'gemeente-vaals': 'municipality',
  'gemeente-kampen': 'municipality',
  'gemeente-teylingen': 'municipality',
  'initiatief-vaals': 'initiative',
  'initiatief-kampen-noord': 'initiative',
  'initiatief-kampen-zuid': 'initiative',
  'initiatief-teylingen': 'initiative',
  vsbfonds: 'fund',
  vng: 'association',
} as const;

const vaalsJoins: JoinSite = {
  type: 'JoinSite',
  data: {
    programmeId: 'samen',
    siteId: 'vaals',
    name: 'Proeftuin Vaals',
    initiativePartyIds: ['initiatief-vaals'],
    gemeentePartyId: 'gemeente-vaals',
    funded: true,
  },
  context: { partyKinds },
};
const vaalsJoined: SiteJoined = {
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
};

function kampenJoins(initiativePartyIds: string[], gemeentePartyId = 'gemeente-kampen'): JoinSite {
  return {
    type: 'JoinSite',
    data: {
      programmeId: 'samen',
      siteId: 'kampen',
      name: 'Proeftuin Kampen',
      initiativePartyIds,
      gemeentePartyId,
      funded: true,
    },
    context: { partyKinds },
  };
}

describe('launching a programme', () => {
  it('records the programme with its name and period', () => {
    given().when(launchSamen).then(samenLaunched);
  });

  it('records a programme without an end date', () => {
    given()
      .when({
        type: 'LaunchProgramme',
        data: { programmeId: 'samen-2', name: 'SAMEN vervolg', startsOn: '2025-01-01' },
      })
      .then({
        type: 'ProgrammeLaunched',
        data: { programmeId: 'samen-2', name: 'SAMEN vervolg', startsOn: '2025-01-01', visibility: SHARED },
      });
  });

  it('allows a programme that ends on the day it starts', () => {
    given()
      .when({
        type: 'LaunchProgramme',
        data: { programmeId: 'finale', name: 'Finaledag', startsOn: '2024-11-25', endsOn: '2024-11-25' },
      })
      .then({
        type: 'ProgrammeLaunched',
        data: {
          programmeId: 'finale',
          name: 'Finaledag',
          startsOn: '2024-11-25',
          endsOn: '2024-11-25',
          visibility: SHARED,
        },
      });
  });

  it('is refused when the programme would end before it starts', () => {
    given()
      .when({
        type: 'LaunchProgramme',
        data: { programmeId: 'samen', name: 'Programma SAMEN', startsOn: '2024-11-25', endsOn: '2022-12-01' },
      })
      .thenThrows('programme-ends-before-it-starts');
  });

  it('is refused when the programme was already launched', () => {
    given(samenLaunched).when(launchSamen).thenThrows('programme-already-launched');
  });
});

describe('a site joining a programme', () => {
  it('records the site with its initiative and gemeente', () => {
    given(samenLaunched).when(vaalsJoins).then(vaalsJoined);
  });

  it('records a site with several initiatives', () => {
    given(samenLaunched)
      .when(kampenJoins(['initiatief-kampen-noord', 'initiatief-kampen-zuid']))
      .then({
        type: 'SiteJoined',
        data: {
          programmeId: 'samen',
          siteId: 'kampen',
          name: 'Proeftuin Kampen',
          initiativePartyIds: ['initiatief-kampen-noord', 'initiatief-kampen-zuid'],
          gemeentePartyId: 'gemeente-kampen',
          funded: true,
          visibility: SHARED,
        },
      });
  });

  it('names each initiative once even when the command repeats it', () => {
    given(samenLaunched)
      .when(kampenJoins(['initiatief-kampen-noord', 'initiatief-kampen-noord']))
      .then({
        type: 'SiteJoined',
        data: {
          programmeId: 'samen',
          siteId: 'kampen',
          name: 'Proeftuin Kampen',
          initiativePartyIds: ['initiatief-kampen-noord'],
          gemeentePartyId: 'gemeente-kampen',
          funded: true,
          visibility: SHARED,
        },
      });
  });

  it('records a site that takes part without funding', () => {
    given(samenLaunched)
      .when({
        type: 'JoinSite',
        data: {
          programmeId: 'samen',
          siteId: 'teylingen',
          name: 'Proeftuin Teylingen',
          initiativePartyIds: ['initiatief-teylingen'],
          gemeentePartyId: 'gemeente-teylingen',
          funded: false,
        },
        context: { partyKinds },
      })
      .then({
        type: 'SiteJoined',
        data: {
          programmeId: 'samen',
          siteId: 'teylingen',
          name: 'Proeftuin Teylingen',
          initiativePartyIds: ['initiatief-teylingen'],
          gemeentePartyId: 'gemeente-teylingen',
          funded: false,
          visibility: SHARED,
        },
      });
  });

  it('lets another site join after the first', () => {
    given(samenLaunched, vaalsJoined)
      .when(kampenJoins(['initiatief-kampen-noord']))
      .then({
        type: 'SiteJoined',
        data: {
          programmeId: 'samen',
          siteId: 'kampen',
          name: 'Proeftuin Kampen',
          initiativePartyIds: ['initiatief-kampen-noord'],
          gemeentePartyId: 'gemeente-kampen',
          funded: true,
          visibility: SHARED,
        },
      });
  });

  it('is refused when the programme was never launched', () => {
    given().when(vaalsJoins).thenThrows('programme-not-found');
  });

  it('is refused when the site has already joined', () => {
    given(samenLaunched, vaalsJoined).when(vaalsJoins).thenThrows('site-already-joined');
  });

  it('is refused when the party named as gemeente is not a gemeente', () => {
    given(samenLaunched)
      .when(kampenJoins(['initiatief-kampen-noord'], 'vsbfonds'))
      .thenThrows('site-needs-a-gemeente');
  });

  it('is refused when the party named as gemeente is unknown', () => {
    given(samenLaunched)
      .when(kampenJoins(['initiatief-kampen-noord'], 'gemeente-onbekend'))
      .thenThrows('site-needs-a-gemeente');
  });

  it('is refused when an initiative named is not a resident initiative', () => {
    given(samenLaunched)
      .when(kampenJoins(['initiatief-kampen-noord', 'vng']))
      .thenThrows('site-needs-initiatives');
  });

  it('is refused when a gemeente is named as one of its initiatives', () => {
    given(samenLaunched)
      .when(kampenJoins(['initiatief-kampen-noord', 'gemeente-kampen']))
      .thenThrows('site-needs-initiatives');
  });

  it('is refused when an initiative named is unknown', () => {
    given(samenLaunched)
      .when(kampenJoins(['initiatief-onbekend']))
      .thenThrows('site-needs-initiatives');
  });

  it('is refused when no initiative is named', () => {
    given(samenLaunched).when(kampenJoins([])).thenThrows('site-needs-initiatives');
  });
});
