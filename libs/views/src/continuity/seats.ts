import type { PartyKind } from '@samen/structure/domain';
import { pushTo } from '../core/projection';
import { within, type TimeWindow } from '../core/time-window';
import type { Directory, RoleEntry, SiteEntry } from '../directory/directory.projection';
import type { Continuity, SeatFact, SeatHandover, SeatTaken, SeatVacated } from './continuity.projection';

/** Ids and codes in plain character order: fast, and the same on every machine. */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Names as a Dutch reader sorts them; one collator, made once (localeCompare makes one per call). */
const DUTCH = new Intl.Collator('nl');

/** Which seats a continuity or handover question is about. */
export interface SeatFilter {
  readonly programmeId?: string;
  readonly siteId?: string;
  readonly partyId?: string;
}

/** One person's time in a seat, as the facts in a window tell it. */
export interface Tenure {
  readonly personId: string;
  readonly start: SeatTaken;
  /** The departure (RoleVacated); undefined while the person still holds the seat. */
  end?: SeatVacated;
  /** The handover by this holder, recorded before or after leaving. */
  handover?: SeatHandover;
  /** Who took the seat next, after this holder left. */
  successor?: SeatTaken;
  /** The holder before this one, for a successor. */
  previousPersonId?: string;
}

export interface SeatInScope {
  readonly seat: RoleEntry;
  /** The sites the seat serves: the one it names, or else every site its party takes part in. */
  readonly siteIds: readonly string[];
  /** The seat's facts within the window, in the role stream's order. */
  readonly facts: readonly SeatFact[];
  readonly tenures: readonly Tenure[];
}

/**
 * The seats a filter selects, known in the window, each with who held it when. A seat that
 * names no site counts for every site its party takes part in (within the seat's programme,
 * if it names one): a gemeente's wijkmanager serves its site even when the role says so
 * nowhere. Sorted by party, site and role id.
 */
export function seatsInScope(
  directory: Directory,
  continuity: Continuity,
  filter: SeatFilter,
  window: TimeWindow,
): SeatInScope[] {
  const candidates = candidateSeats(directory, filter);
  const sitesByParty = sitesOfParties(
    directory,
    new Set(candidates.filter((seat) => !seat.siteId).map((seat) => seat.partyId)),
    window,
  );
  const selected: SeatInScope[] = [];
  for (const seat of candidates) {
    if (!within(seat, window)) continue;
    if (filter.partyId && seat.partyId !== filter.partyId) continue;
    const siteIds = seat.siteId
      ? [seat.siteId]
      : (sitesByParty.get(seat.partyId) ?? [])
          .filter((site) => !seat.programmeId || site.programmeId === seat.programmeId)
          .map((site) => site.siteId);
    if (filter.siteId && !siteIds.includes(filter.siteId)) continue;
    if (filter.programmeId && !inProgramme(directory, seat, siteIds, filter.programmeId)) continue;
    const facts = (continuity.seats.get(seat.roleId) ?? []).filter((fact) => within(fact, window));
    selected.push({ seat, siteIds, facts, tenures: tenuresOf(facts) });
  }
  return selected.sort(
    (a, b) =>
      compareIds(a.seat.partyId, b.seat.partyId) ||
      compareIds(a.seat.siteId ?? '', b.seat.siteId ?? '') ||
      compareIds(a.seat.roleId, b.seat.roleId),
  );
}

/**
 * The seats worth looking at for a filter, through the directory's indexes: one party's
 * seats, or the seats naming a site plus the site's parties' seats that name none; else all.
 * Each still passes the full filter afterwards.
 */
function candidateSeats(directory: Directory, filter: SeatFilter): RoleEntry[] {
  const entries = (roleIds: readonly string[] | undefined) =>
    (roleIds ?? []).map((roleId) => directory.roles.get(roleId)).filter((seat): seat is RoleEntry => !!seat);
  if (filter.partyId) return entries(directory.rolesOfParty.get(filter.partyId));
  if (filter.siteId) {
    const site = directory.sites.get(filter.siteId);
    const parties = site ? [site.gemeentePartyId, ...site.initiativePartyIds] : [];
    return [
      ...entries(directory.rolesOfSite.get(filter.siteId)),
      ...[...new Set(parties)].flatMap((partyId) =>
        entries(directory.rolesOfParty.get(partyId)).filter((seat) => !seat.siteId),
      ),
    ];
  }
  return [...directory.roles.values()];
}

/**
 * Folds a seat's facts (already in the window, in stream order) into tenures. The role
 * stream's order is the order the command side checked, so it is followed rather than the
 * dates. A handover belongs to the latest tenure of the person handing over.
 */
export function tenuresOf(facts: readonly SeatFact[]): Tenure[] {
  const tenures: Tenure[] = [];
  let current: Tenure | undefined;
  for (const fact of facts) {
    switch (fact.kind) {
      case 'assigned':
      case 'appointed': {
        const tenure: Tenure = {
          personId: fact.personId,
          start: fact,
          ...(current && { previousPersonId: current.personId }),
        };
        if (current?.end && !current.successor) current.successor = fact;
        tenures.push(tenure);
        current = tenure;
        break;
      }
      case 'vacated':
        if (current && !current.end && current.personId === fact.personId) current.end = fact;
        break;
      case 'handover':
        for (let i = tenures.length - 1; i >= 0; i -= 1) {
          if (tenures[i].personId !== fact.fromPersonId) continue;
          tenures[i].handover ??= fact;
          break;
        }
        break;
    }
  }
  return tenures;
}

/** How every seat-level row names its seat and party. */
export interface SeatRow {
  readonly roleId: string;
  readonly title: string;
  readonly partyId: string;
  readonly partyName: string;
  readonly partyKind: PartyKind | 'unknown';
  readonly siteId: string | null;
}

/** The seat and party columns of a row about a seat. */
export const seatRow = (seat: RoleEntry, party: PartyLabel): SeatRow => ({
  roleId: seat.roleId,
  title: seat.title,
  partyId: party.partyId,
  partyName: party.name,
  partyKind: party.kind,
  siteId: seat.siteId ?? null,
});

export interface PartyLabel {
  readonly partyId: string;
  readonly name: string;
  readonly kind: PartyKind | 'unknown';
}

/** A party's name and kind as known in the window; its id when not (yet) known. */
export function partyLabel(directory: Directory, partyId: string, window: TimeWindow): PartyLabel {
  const party = directory.parties.get(partyId);
  if (!party || !within(party, window)) return { partyId, name: partyId, kind: 'unknown' };
  return { partyId, name: party.name, kind: party.kind };
}

/** Gemeenten first (the users of these views), then the other kinds, then by name and id. */
export function compareParties(a: PartyLabel, b: PartyLabel): number {
  const gemeente = (p: PartyLabel) => (p.kind === 'municipality' ? 0 : 1);
  return (
    gemeente(a) - gemeente(b) ||
    compareIds(a.kind, b.kind) ||
    DUTCH.compare(a.name, b.name) ||
    compareIds(a.partyId, b.partyId)
  );
}

/** The sites each of these parties takes part in, as known in the window. */
function sitesOfParties(
  directory: Directory,
  partyIds: ReadonlySet<string>,
  window: TimeWindow,
): Map<string, SiteEntry[]> {
  const byParty = new Map<string, SiteEntry[]>();
  if (partyIds.size === 0) return byParty;
  for (const site of directory.sites.values()) {
    if (!within(site, window)) continue;
    if (partyIds.has(site.gemeentePartyId)) pushTo(byParty, site.gemeentePartyId, site);
    for (const partyId of site.initiativePartyIds) {
      if (partyIds.has(partyId) && partyId !== site.gemeentePartyId) pushTo(byParty, partyId, site);
    }
  }
  return byParty;
}

function inProgramme(directory: Directory, seat: RoleEntry, siteIds: readonly string[], programmeId: string) {
  if (seat.programmeId) return seat.programmeId === programmeId;
  return siteIds.some((siteId) => directory.sites.get(siteId)?.programmeId === programmeId);
}
