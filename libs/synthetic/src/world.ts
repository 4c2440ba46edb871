import type { PartyKind } from '@samen/structure';
import { addMonths, DAY, HISTORY_START, type Moment, officeHours, startOfDay, workday } from './calendar';
import { Random } from './random';
import type { Backfill } from './simulation';
import { pad } from './texts';

export const GEMEENTE_COUNT = 342;
const FUND_COUNT = 12;
const ASSOCIATION_COUNT = 2;
const KNOWLEDGE_PARTNER_COUNT = 3;
const WELFARE_COUNT = 30;

/**
 * Events one programme produces on average (measured). It sets how busy each gemeente is
 * expected to be, from which its staff turnover is scaled (see {@link createWorld}).
 */
const EVENTS_PER_PROGRAMME = 2_700;
const MEAN_SITES_PER_PROGRAMME = 18;
const MEAN_GEMEENTE_ROLES_PER_SITE = 1.9;
/** Share of the two years an average programme runs. */
const MEAN_PROGRAMME_SHARE = 17.5 / 24;
/** Departures per gemeente per year outside a burst: a handful of people, changing jobs now and then. */
const GEMEENTE_DEPARTURES_PER_YEAR = 1.2;
/** Departures a burst (a reorganisation, a new college) causes in one gemeente, on average. */
const DEPARTURES_PER_BURST = 4;

export type PartyRef = Readonly<{ partyId: string; kind: PartyKind; name: string }>;

export type GemeenteProfile = PartyRef &
  Readonly<{
    index: number;
    /** How likely its people come to a meeting they are expected at: some rarely come. */
    propensity: number;
    /** A window of 90 days in which it loses several people at once, if it has one. */
    burst?: { from: Moment; to: Moment };
  }>;

/** The parties every programme shares, and how turbulent the gemeenten are. */
export type World = Readonly<{
  seed: number;
  gemeenten: readonly GemeenteProfile[];
  funds: readonly PartyRef[];
  associations: readonly PartyRef[];
  knowledgePartners: readonly PartyRef[];
  welfareOrganisations: readonly PartyRef[];
  /** Funds, associations, knowledge partners and welfare organisations: registered before any programme. */
  fixedParties: readonly PartyRef[];
  /** Yearly chance that a gemeente's person leaves a role, scaled so each gemeente loses about one a year. */
  gemeenteRoleHazard: number;
  /** Chance that a role held during its gemeente's burst is vacated within it. */
  burstDepartureChance: number;
}>;

/**
 * The shared world of a history of `totalEvents` events. The more events, the more
 * programmes share the 342 gemeenten; each role's turnover is scaled down accordingly, so
 * that a gemeente's departures stay realistic and a burst (3+ within 90 days) stays rare.
 */
export function createWorld(seed: number, totalEvents: number): World {
  const random = new Random(seed, 'world');
  const gemeenten = Array.from({ length: GEMEENTE_COUNT }, (_, i): GemeenteProfile => {
    const burstStart = random.chance(0.1) ? HISTORY_START + 60 * DAY + random.int(560) * DAY : undefined;
    return {
      index: i,
      partyId: `gemeente-${pad(i + 1, 3)}`,
      kind: 'municipality',
      name: `Gemeente ${pad(i + 1, 3)}`,
      propensity: attendancePropensity(random),
      ...(burstStart !== undefined && { burst: { from: burstStart, to: burstStart + 90 * DAY } }),
    };
  });
  const parties = (count: number, kind: PartyKind, id: string, name: string, width: number) =>
    Array.from({ length: count }, (_, i): PartyRef => ({
      partyId: `${id}-${pad(i + 1, width)}`,
      kind,
      name: `${name} ${pad(i + 1, width)}`,
    }));
  const funds = parties(FUND_COUNT, 'fund', 'fonds', 'Fonds', 2);
  const associations = parties(ASSOCIATION_COUNT, 'association', 'vereniging', 'Vereniging', 1);
  const knowledgePartners = parties(KNOWLEDGE_PARTNER_COUNT, 'knowledge-partner', 'kennispartner', 'Kennispartner', 1);
  const welfareOrganisations = parties(WELFARE_COUNT, 'welfare-organisation', 'welzijn', 'Welzijnsorganisatie', 2);

  const programmes = Math.max(1, totalEvents / EVENTS_PER_PROGRAMME);
  const concurrentRolesPerGemeente =
    (programmes * MEAN_SITES_PER_PROGRAMME * MEAN_GEMEENTE_ROLES_PER_SITE * MEAN_PROGRAMME_SHARE) / GEMEENTE_COUNT;
  return {
    seed,
    gemeenten,
    funds,
    associations,
    knowledgePartners,
    welfareOrganisations,
    fixedParties: [...funds, ...associations, ...knowledgePartners, ...welfareOrganisations],
    gemeenteRoleHazard: clamp(GEMEENTE_DEPARTURES_PER_YEAR / concurrentRolesPerGemeente, 0.04, 0.5),
    burstDepartureChance: clamp(DEPARTURES_PER_BURST / concurrentRolesPerGemeente, 0.1, 0.85),
  };
}

/** A few gemeenten rarely come, most come often, some nearly always. */
function attendancePropensity(random: Random): number {
  const draw = random.next();
  if (draw < 0.15) return random.uniform(0.05, 0.25);
  if (draw < 0.4) return random.uniform(0.25, 0.55);
  if (draw < 0.8) return random.uniform(0.55, 0.85);
  return random.uniform(0.85, 0.98);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export type SitePlan = Readonly<{
  number: number;
  gemeente: GemeenteProfile;
  initiatives: number;
  funded: boolean;
  welfare?: PartyRef;
  joinsAt: Moment;
}>;

export type ProgrammePlan = Readonly<{
  index: number;
  programmeId: string;
  /** The moment the programme is launched; none of its facts occurs earlier. */
  startsAt: Moment;
  endsAt: Moment;
  /** For a programme whose early months were typed in afterwards, over some weeks. */
  backfill?: Backfill;
  sites: readonly SitePlan[];
  funds: readonly PartyRef[];
  association?: PartyRef;
}>;

/** Programmes end by late November 2024, leaving December for their last payments. */
const LAST_END = Date.UTC(2024, 10, 29);

/**
 * Plans programmes one after the other. The first 342 sites go to 342 different gemeenten
 * (in a shuffled order), so every gemeente takes part once there are enough programmes.
 */
export class ProgrammePlanner {
  private sitesPlanned = 0;
  private nextIndex = 0;
  private readonly firstRound: readonly GemeenteProfile[];

  constructor(private readonly world: World) {
    const random = new Random(world.seed, 'gemeente-order');
    const order = [...world.gemeenten];
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    this.firstRound = order;
  }

  next(): ProgrammePlan {
    const index = this.nextIndex++;
    const random = new Random(this.world.seed, 'plan', index);
    const months = random.between(12, 22);
    const latestStart = addMonths(LAST_END, -months);
    const startDay = workday(startOfDay(random.uniform(HISTORY_START + DAY, latestStart)));
    const startsAt = officeHours(random, startDay);
    const endsAt = officeHours(random, workday(addMonths(startDay, months)));
    const siteCount = random.between(6, 30);
    const used = new Set<number>();
    // Sites join in one to three waves, as proeftuinen are selected in rounds.
    const waves = [
      [3, 14],
      [35, 63],
      [84, 140],
    ].map(([min, max]) => officeHours(random, startsAt + random.between(min, max) * DAY));
    const waveCount = random.chance(0.5) ? 1 : random.chance(0.7) ? 2 : 3;
    const sites = Array.from({ length: siteCount }, (_, s): SitePlan => {
      const gemeente = this.gemeenteFor(random, used);
      const wave = s === 0 || random.chance(0.6) ? 0 : random.int(waveCount);
      const joinsAt = waves[wave];
      return {
        number: s + 1,
        gemeente,
        initiatives: random.chance(0.6) ? 1 : random.chance(0.7) ? 2 : 3,
        // Some sites take part without funding (Teylingen did).
        funded: !random.chance(0.1),
        ...(random.chance(0.4) && { welfare: random.pick(this.world.welfareOrganisations) }),
        joinsAt,
      };
    });
    const fundCount = random.between(1, 3);
    const funds = random.sample(this.world.funds, fundCount);
    // Typed in from this moment on: some months of history, at about five days of history per day.
    const typingStarts = startsAt + random.between(60, 240) * DAY;
    return {
      index,
      programmeId: `programma-${pad(index + 1, 4)}`,
      startsAt,
      endsAt,
      ...(random.chance(0.12) && {
        backfill: { from: startsAt, startsAt: typingStarts, until: typingStarts + (typingStarts - startsAt) / 5 },
      }),
      sites,
      funds,
      ...(random.chance(0.7) && { association: random.pick(this.world.associations) }),
    };
  }

  /** One site per gemeente within a programme. */
  private gemeenteFor(random: Random, used: Set<number>): GemeenteProfile {
    const slot = this.sitesPlanned++;
    let gemeente =
      slot < this.firstRound.length ? this.firstRound[slot] : this.world.gemeenten[random.int(GEMEENTE_COUNT)];
    while (used.has(gemeente.index)) gemeente = this.world.gemeenten[random.int(GEMEENTE_COUNT)];
    used.add(gemeente.index);
    return gemeente;
  }
}
