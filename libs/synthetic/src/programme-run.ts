import type { Commitment } from '@samen/commitments';
import type { Role } from '@samen/roles';
import {
  partyDecider,
  partyStream,
  personDecider,
  personStream,
  programmeDecider,
  programmeStream,
  type PartyKind,
  type Programme,
} from '@samen/structure';
import { DAY, isoDate, type Moment, officeHours } from './calendar';
import { closeSiteCommitments, makeSiteCommitments } from './commitments';
import { planInvoices } from './money';
import { startLocalMeetings, startProgrammeMeetings } from './meetings';
import { Random, UuidSequence } from './random';
import { type PersonNumbers, Simulation, StreamCursor } from './simulation';
import {
  ASSOCIATION_ROLE_TITLE,
  emailOf,
  FUND_ROLE_TITLE,
  GEMEENTE_ROLE_TITLES,
  INITIATIVE_ROLE_TITLE,
  pad,
  personName,
  TEAM_ROLE_TITLES,
  WELFARE_ROLE_TITLE,
} from './texts';
import { assignRole } from './turnover';
import type { GemeenteProfile, PartyRef, ProgrammePlan, SitePlan, World } from './world';

/** A seat at a party and who holds it now, with the open commitments made through it. */
export type SeatState = {
  readonly cursor: StreamCursor<Role>;
  readonly roleId: string;
  readonly party: PartyRef;
  readonly site?: SiteState;
  readonly gemeente?: GemeenteProfile;
  /** Yearly chance that its holder leaves. */
  readonly hazard: number;
  holder: string | null;
  readonly open: Set<CommitmentState>;
  /** When someone last left it: attendance of a gemeente dips after a departure. */
  lastDepartureAt?: Moment;
};

export type CommitmentState = {
  readonly cursor: StreamCursor<Commitment>;
  readonly commitmentId: string;
  seat?: SeatState;
  readonly byPartyId: string;
};

export type SiteState = {
  readonly plan: SitePlan;
  readonly siteId: string;
  readonly gemeente: GemeenteProfile;
  readonly initiatives: PartyRef[];
  readonly gemeenteSeats: SeatState[];
  readonly initiativeSeats: SeatState[];
  welfareSeat?: SeatState;
  /** The gemeente at this site's collective meetings: expected, and came. */
  readonly collective: { expected: number; present: number };
  /** Meetings attended per initiative since its last attendance fee. */
  readonly unpaidAttendance: Map<string, number>;
  deliverCommitment?: CommitmentState;
  attend?: CommitmentState;
  fee?: { readonly commitment: CommitmentState; readonly feeInCents: number };
};

export type RunOptions = Readonly<{ record: boolean; people: PersonNumbers }>;

/**
 * One programme, simulated from its launch to its last payment: sites joining, people
 * holding and leaving roles, meetings, commitments and money. A programme touches no other
 * programme's streams, so it can be simulated alone (to count its events) and gives the
 * same facts when simulated beside the others.
 */
export class ProgrammeRun {
  readonly sim: Simulation;
  readonly random: Random;
  readonly programme: StreamCursor<Programme>;
  readonly number: string;
  readonly team: PartyRef;
  readonly sites: SiteState[] = [];
  readonly teamSeats: SeatState[] = [];
  readonly fundSeats: SeatState[] = [];
  associationSeat?: SeatState;
  closed = false;
  private readonly counters = new Map<string, number>();

  constructor(
    readonly world: World,
    readonly plan: ProgrammePlan,
    private readonly options: RunOptions,
  ) {
    this.random = new Random(world.seed, 'programme', plan.index);
    this.sim = new Simulation({
      record: options.record,
      ids: new UuidSequence(new Random(world.seed, 'ids', plan.index)),
      ...(plan.backfill && { backfill: plan.backfill }),
    });
    this.programme = new StreamCursor(programmeStream(plan.programmeId), programmeDecider.initialState());
    this.number = pad(plan.index + 1, 4);
    this.team = {
      partyId: `kernteam-${this.number}`,
      kind: 'programme-team',
      name: `Kernteam programma ${this.number}`,
    };
    this.sim.at(plan.startsAt, () => this.launch());
  }

  /** A fresh id for a thing of this programme: `${prefix}-0007-0042`. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${this.number}-${pad(n, 4)}`;
  }

  /** Runs `fn` during office hours on the day of `time`. */
  at(time: Moment, fn: () => void): void {
    this.sim.at(officeHours(this.random, time), fn);
  }

  /** Runs `fn` during office hours, `days` from now. */
  after(days: number, fn: () => void): void {
    this.at(this.sim.now + days * DAY, fn);
  }

  registerParty({ partyId, kind, name }: PartyRef): void {
    const cursor = new StreamCursor(partyStream(partyId), partyDecider.initialState());
    this.sim.record(cursor, partyDecider, { type: 'RegisterParty', data: { partyId, kind, name } });
  }

  /** A new (invented) person; about half leave an e-mail address. */
  registerPerson(): string {
    const personId = this.options.people.next();
    const name = personName(this.random);
    const cursor = new StreamCursor(personStream(personId), personDecider.initialState());
    const data = this.random.chance(0.5) ? { personId, name, email: emailOf(name, personId) } : { personId, name };
    this.sim.record(cursor, personDecider, { type: 'RegisterPerson', data });
    return personId;
  }

  private launch(): void {
    const { plan } = this;
    this.registerParty(this.team);
    this.sim.record(this.programme, programmeDecider, {
      type: 'LaunchProgramme',
      data: {
        programmeId: plan.programmeId,
        name: `Programma ${this.number}`,
        startsOn: isoDate(plan.startsAt),
        endsOn: isoDate(plan.endsAt),
      },
    });
    for (const title of TEAM_ROLE_TITLES) {
      this.teamSeats.push(assignRole(this, { party: this.team, title, hazard: 0.15 }));
    }
    for (const fund of plan.funds) {
      this.fundSeats.push(assignRole(this, { party: fund, title: FUND_ROLE_TITLE, hazard: 0.25 }));
    }
    if (plan.association) {
      this.associationSeat = assignRole(this, {
        party: plan.association,
        title: ASSOCIATION_ROLE_TITLE,
        hazard: 0.2,
      });
    }
    const waves = new Map<Moment, SitePlan[]>();
    for (const site of plan.sites) waves.set(site.joinsAt, [...(waves.get(site.joinsAt) ?? []), site]);
    for (const [joinsAt, sites] of waves) this.sim.at(joinsAt, () => this.joinWave(sites));
    startProgrammeMeetings(this);
    this.sim.at(plan.endsAt, () => this.close());
  }

  /**
   * A wave of sites joins at once: their initiatives are registered, then the sites join
   * (one append to the programme), then people take their seats and make their promises.
   */
  private joinWave(plans: readonly SitePlan[]): void {
    const initiatives = plans.map((plan) => this.initiativesOf(plan));
    for (const party of initiatives.flat()) this.registerParty(party);
    const sites = plans.map((plan, i) => this.joinSite(plan, initiatives[i]));
    for (const site of sites) this.takeSeats(site);
  }

  private initiativesOf(plan: SitePlan): PartyRef[] {
    return Array.from({ length: plan.initiatives }, (_, i): PartyRef => {
      const letter = String.fromCharCode(97 + i);
      return {
        partyId: `initiatief-${this.number}-${pad(plan.number, 2)}${letter}`,
        kind: 'initiative',
        name: `Bewonersinitiatief ${this.number}.${plan.number}${letter}`,
      };
    });
  }

  private joinSite(plan: SitePlan, initiatives: PartyRef[]): SiteState {
    const siteId = `proeftuin-${this.number}-${pad(plan.number, 2)}`;
    const partyKinds: Record<string, PartyKind> = { [plan.gemeente.partyId]: 'municipality' };
    for (const initiative of initiatives) partyKinds[initiative.partyId] = 'initiative';
    this.sim.record(this.programme, programmeDecider, {
      type: 'JoinSite',
      data: {
        programmeId: this.plan.programmeId,
        siteId,
        name: `Proeftuin ${this.number}.${plan.number} in ${plan.gemeente.name}`,
        initiativePartyIds: initiatives.map((i) => i.partyId),
        gemeentePartyId: plan.gemeente.partyId,
        funded: plan.funded,
      },
      context: { partyKinds },
    });
    const site: SiteState = {
      plan,
      siteId,
      gemeente: plan.gemeente,
      initiatives,
      gemeenteSeats: [],
      initiativeSeats: [],
      collective: { expected: 0, present: 0 },
      unpaidAttendance: new Map(),
    };
    this.sites.push(site);
    return site;
  }

  private takeSeats(site: SiteState): void {
    const { plan } = site;
    // Gemeenten in turmoil have more people on the file, and so more to lose at once.
    const gemeenteSeats = plan.gemeente.burst
      ? 3
      : 1 + (this.random.chance(0.65) ? 1 : 0) + (this.random.chance(0.25) ? 1 : 0);
    for (let i = 0; i < gemeenteSeats; i++) {
      site.gemeenteSeats.push(
        assignRole(this, {
          party: plan.gemeente,
          title: GEMEENTE_ROLE_TITLES[i],
          site,
          gemeente: plan.gemeente,
          hazard: this.world.gemeenteRoleHazard,
        }),
      );
    }
    for (const initiative of site.initiatives) {
      site.initiativeSeats.push(
        assignRole(this, { party: initiative, title: INITIATIVE_ROLE_TITLE, site, hazard: 0.12 }),
      );
    }
    if (plan.welfare) {
      site.welfareSeat = assignRole(this, { party: plan.welfare, title: WELFARE_ROLE_TITLE, site, hazard: 0.35 });
    }
    makeSiteCommitments(this, site);
    startLocalMeetings(this, site);
    planInvoices(this, site);
  }

  private close(): void {
    this.closed = true;
    for (const site of this.sites) closeSiteCommitments(this, site);
  }
}
