import type { MeetingKind } from '@samen/attendance/domain';
import type { PartyKind } from '@samen/structure/domain';
import { stampOf, type Stamp } from '../core/ledger-fact';
import { pushTo, type Projection } from '../core/projection';

export interface PartyEntry extends Stamp {
  readonly partyId: string;
  readonly kind: PartyKind;
  readonly name: string;
}

export interface ProgrammeEntry extends Stamp {
  readonly programmeId: string;
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn?: string;
  readonly publishes?: readonly string[];
}

export interface SiteEntry extends Stamp {
  readonly siteId: string;
  readonly programmeId: string;
  readonly name: string;
  readonly gemeentePartyId: string;
  readonly initiativePartyIds: readonly string[];
  readonly funded: boolean;
}

export interface MeetingEntry extends Stamp {
  readonly meetingId: string;
  readonly programmeId: string;
  readonly kind: MeetingKind;
  readonly title: string;
  /** When the meeting takes place, epoch milliseconds. */
  readonly startsAt: number;
  readonly place: string;
  readonly hostSiteId: string | undefined;
  readonly expectedPartyIds: readonly string[];
  cancelled: Stamp | undefined;
}

export interface RoleEntry extends Stamp {
  readonly roleId: string;
  readonly partyId: string;
  readonly programmeId: string | undefined;
  readonly siteId: string | undefined;
  readonly title: string;
}

/**
 * Who and what exists: programmes, parties, sites, meetings and seats. Every view names
 * things through it. People appear by id only: their names are personal data and stay
 * with the person's own stream.
 */
export interface Directory {
  readonly programmes: Map<string, ProgrammeEntry>;
  readonly parties: Map<string, PartyEntry>;
  readonly sites: Map<string, SiteEntry>;
  readonly meetings: Map<string, MeetingEntry>;
  readonly roles: Map<string, RoleEntry>;
  /** Sites per programme, so questions about a meeting need not look at every site. */
  readonly sitesOfProgramme: Map<string, Set<string>>;
  /** Sites per party (as gemeente or initiative), so finding a party's site need not read every site. */
  readonly sitesOfParty: Map<string, Set<string>>;
  /**
   * Meetings that expect a party, so one party's questions stay small. Meetings where
   * someone attended for a party unexpected are found through presence (`meetingsConcerning`).
   */
  readonly meetingsExpecting: Map<string, string[]>;
  /** Seats (role ids) per party, so that a question about one party reads only its seats. */
  readonly rolesOfParty: Map<string, string[]>;
  /** Seats (role ids) per site they name. */
  readonly rolesOfSite: Map<string, string[]>;
}

export const directoryProjection: Projection<Directory> = {
  name: 'directory',
  types: ['ProgrammeLaunched', 'PartyRegistered', 'SiteJoined', 'MeetingScheduled', 'MeetingCancelled', 'RoleAssigned'],
  initialState: () => ({
    programmes: new Map(),
    parties: new Map(),
    sites: new Map(),
    meetings: new Map(),
    roles: new Map(),
    sitesOfProgramme: new Map(),
    sitesOfParty: new Map(),
    meetingsExpecting: new Map(),
    rolesOfParty: new Map(),
    rolesOfSite: new Map(),
  }),
  apply(state, fact) {
    switch (fact.type) {
      case 'ProgrammeLaunched': {
        // Who may read the fact is not the programme's: the directory keeps what it says.
        const { visibility: _ofTheFact, ...programme } = fact.data;
        state.programmes.set(fact.data.programmeId, { ...programme, ...stampOf(fact) });
        return;
      }
      case 'PartyRegistered': {
        const { partyId, kind, name } = fact.data;
        state.parties.set(partyId, { partyId, kind, name, occurredAt: fact.occurredAt, recordedAt: fact.recordedAt });
        return;
      }
      case 'SiteJoined': {
        const { siteId, programmeId, name, gemeentePartyId, initiativePartyIds, funded } = fact.data;
        state.sites.set(siteId, {
          siteId,
          programmeId,
          name,
          gemeentePartyId,
          initiativePartyIds,
          funded,
          ...stampOf(fact),
        });
        addTo(state.sitesOfProgramme, programmeId, siteId);
        for (const partyId of [gemeentePartyId, ...initiativePartyIds]) addTo(state.sitesOfParty, partyId, siteId);
        return;
      }
      case 'MeetingScheduled': {
        const { meetingId, startsAt } = fact.data;
        if (state.meetings.has(meetingId)) return;
        // Ids as the directory holds them already: a hundred thousand meetings then share each
        // party's one string rather than keep copies (a quarter of the directory's memory).
        const expectedPartyIds = fact.data.expectedPartyIds.map((id) => state.parties.get(id)?.partyId ?? id);
        // One fixed shape, written out: a spread would give each of a hundred thousand
        // meetings a slow dictionary-mode object.
        state.meetings.set(meetingId, {
          meetingId,
          programmeId: state.programmes.get(fact.data.programmeId)?.programmeId ?? fact.data.programmeId,
          kind: fact.data.kind,
          title: fact.data.title,
          startsAt: Date.parse(startsAt),
          place: fact.data.place,
          hostSiteId: fact.data.hostSiteId,
          expectedPartyIds,
          cancelled: undefined,
          occurredAt: fact.occurredAt,
          recordedAt: fact.recordedAt,
        });
        // Lists, not sets: a meeting is scheduled once and names each party once (its decider
        // makes them unique), and a collective meeting names hundreds.
        for (const partyId of expectedPartyIds) pushTo(state.meetingsExpecting, partyId, meetingId);
        return;
      }
      case 'MeetingCancelled': {
        const meeting = state.meetings.get(fact.data.meetingId);
        if (meeting) meeting.cancelled = stampOf(fact);
        return;
      }
      case 'RoleAssigned': {
        // The holder is left out: who holds a seat is the continuity view's, by time.
        const { roleId, partyId, programmeId, siteId, title } = fact.data;
        const { occurredAt, recordedAt } = fact;
        state.roles.set(roleId, { roleId, partyId, programmeId, siteId, title, occurredAt, recordedAt });
        // A role is assigned once (the decider refuses a second time), so each index gets it once.
        pushTo(state.rolesOfParty, partyId, roleId);
        if (siteId !== undefined) pushTo(state.rolesOfSite, siteId, roleId);
        return;
      }
      default:
        return;
    }
  },
};

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}
