import {
  IllegalStateError,
  NotFoundError,
  storedVisibility,
  streamName,
  type Decider,
  type IsoDate,
  type Visibility,
} from '@samen/ledger-kernel';
import type { PartyKind } from './party';
import { programmeUpcaster, type ProgrammeEvent } from './programme.events';

/** Aggregates a programme may choose to publish to everyone (e.g. under the Woo). */
export const PUBLISHABLE_AGGREGATES = ['attendance-rates'] as const;
export type PublishableAggregate = (typeof PUBLISHABLE_AGGREGATES)[number];

/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

export type LaunchProgramme = Readonly<{
  type: 'LaunchProgramme';
  data: {
    programmeId: string;
    name: string;
    startsOn: IsoDate;
    endsOn?: IsoDate;
    /** What anyone may see without a token; nothing when left out. */
    publishes?: PublishableAggregate[];
  } & Visible;
}>;
/** A proeftuin: one gemeente and at least one initiative, funded or not. */
export type JoinSite = Readonly<{
  type: 'JoinSite';
  data: {
    programmeId: string;
    siteId: string;
    name: string;
    initiativePartyIds: string[];
    gemeentePartyId: string;
    funded: boolean;
  } & Visible;
  /** The kinds of the parties named, looked up by the handler. */
  context: { partyKinds: Readonly<Record<string, PartyKind>> };
}>;
export type ProgrammeCommand = LaunchProgramme | JoinSite;

export type SiteSummary = Readonly<{ gemeentePartyId: string; initiativePartyIds: readonly string[]; funded: boolean }>;
export type Programme =
  { status: 'none' } | { status: 'launched'; programmeId: string; sites: Readonly<Record<string, SiteSummary>> };

export const programmeStream = (programmeId: string) => streamName('programme', programmeId);

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, Programme> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'LaunchProgramme': {
        if (state.status !== 'none') {
          throw new IllegalStateError(
            'programme-already-launched',
            `Programma "${command.data.programmeId}" is al gestart. / Programme "${command.data.programmeId}" was already launched.`,
          );
        }
        const { programmeId, name, startsOn, endsOn, publishes } = command.data;
        if (endsOn !== undefined && endsOn < startsOn) {
          throw new IllegalStateError(
            'programme-ends-before-it-starts',
            'Een programma kan niet eindigen voor het begint. / A programme cannot end before it starts.',
          );
        }
        return [
          {
            type: 'ProgrammeLaunched',
            data: {
              programmeId,
              name,
              startsOn,
              ...(endsOn !== undefined && { endsOn }),
              ...(publishes !== undefined && { publishes }),
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      case 'JoinSite': {
        if (state.status === 'none') throw new NotFoundError('programme', command.data.programmeId);
        const { programmeId, siteId, name, gemeentePartyId, initiativePartyIds, funded } = command.data;
        if (state.sites[siteId]) {
          throw new IllegalStateError(
            'site-already-joined',
            `Proeftuin "${siteId}" doet al mee. / Site "${siteId}" has already joined.`,
          );
        }
        if (command.context.partyKinds[gemeentePartyId] !== 'municipality') {
          throw new IllegalStateError(
            'site-needs-a-gemeente',
            `"${gemeentePartyId}" is geen gemeente; een proeftuin heeft precies één gemeente. / "${gemeentePartyId}" is not a gemeente; a site has exactly one.`,
          );
        }
        const notInitiatives = initiativePartyIds.filter((id) => command.context.partyKinds[id] !== 'initiative');
        if (initiativePartyIds.length === 0) {
          throw new IllegalStateError(
            'site-needs-initiatives',
            'Een proeftuin heeft minstens één bewonersinitiatief. / A site has at least one resident initiative.',
          );
        }
        if (notInitiatives.length > 0) {
          throw new IllegalStateError(
            'site-needs-initiatives',
            `Geen bewonersinitiatief: ${notInitiatives.join(', ')}. / Not a resident initiative: ${notInitiatives.join(', ')}.`,
          );
        }
        return [
          {
            type: 'SiteJoined',
            data: {
              programmeId,
              siteId,
              name,
              initiativePartyIds: [...new Set(initiativePartyIds)],
              gemeentePartyId,
              funded,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ProgrammeLaunched':
        return { status: 'launched', programmeId: event.data.programmeId, sites: {} };
      case 'SiteJoined': {
        if (state.status !== 'launched') return state;
        const { siteId, gemeentePartyId, initiativePartyIds, funded } = event.data;
        return { ...state, sites: { ...state.sites, [siteId]: { gemeentePartyId, initiativePartyIds, funded } } };
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  upcaster: programmeUpcaster,
};
