import { mayReadNameOf } from '@samen/access';
import type { EventStore } from '@samen/event-store';
import { currentShape } from '@samen/ledger-events';
import { personStream } from '@samen/structure';
import type { LedgerViews } from '@samen/views';
import type { PageContext } from './page-context';

interface Seat {
  readonly partyId: string;
  readonly title: string;
  readonly siteName?: string;
  readonly partyName: string;
}

/**
 * Names read from people's own streams, per store, kept while the process runs: a
 * registration is never amended. (Forgetting a person, issue 21, must empty this too.)
 */
const namesOfStore = new WeakMap<EventStore, Map<string, string | null>>();
const MAX_NAMES = 50_000;

/**
 * How a page names people: by name to those the rule book lets read it (the programme team,
 * a party for its own people), otherwise by the seat the person held ("beleidsadviseur,
 * proeftuin Kampen"). Names are read from the person's stream when a page is drawn and are
 * never held in a view, so the views (and their snapshots) carry no personal data.
 */
export class PersonLabels {
  private constructor(
    private readonly context: PageContext,
    private readonly seats: ReadonlyMap<string, readonly Seat[]>,
    private readonly names: ReadonlyMap<string, string>,
  ) {}

  /** Labels for the people a page shows; `partyOf` names the party each appears for there, if any. */
  static async load(
    context: PageContext,
    views: LedgerViews,
    store: EventStore,
    people: ReadonlyMap<string, string | undefined>,
  ): Promise<PersonLabels> {
    const seats = seatsOfPeople(views, new Set(people.keys()));
    const readable = [...people].filter(([personId, partyId]) => {
      const parties = new Set((seats.get(personId) ?? []).map((seat) => seat.partyId));
      if (partyId) parties.add(partyId);
      return context.principal !== undefined && mayReadNameOf(context.principal, parties);
    });
    // One read per person not yet known, all at once rather than one after another.
    const named = await Promise.all(
      readable.map(async ([personId]) => [personId, await nameOf(store, personId)] as const),
    );
    const found = new Map(named.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
    return new PersonLabels(context, seats, found);
  }

  label(personId: string | null | undefined, partyName?: string): string {
    if (!personId) return this.context.t('niemand (nog)', 'nobody (yet)');
    const name = this.names.get(personId);
    if (name) return name;
    const seat = this.seats.get(personId)?.[0];
    if (seat) return `${seat.title}, ${seat.siteName ? siteText(this.context, seat.siteName) : seat.partyName}`;
    return partyName
      ? this.context.t(`deelnemer namens ${partyName}`, `participant for ${partyName}`)
      : this.context.t('een deelnemer', 'a participant');
  }
}

async function nameOf(store: EventStore, personId: string): Promise<string | undefined> {
  let names = namesOfStore.get(store);
  if (!names) namesOfStore.set(store, (names = new Map()));
  if (!names.has(personId)) {
    const [registered] = await store.readStream(personStream(personId), { maxCount: 1 });
    const fact = registered && currentShape(registered);
    const name = fact?.type === 'PersonRegistered' ? fact.data.name : undefined;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(personId, typeof name === 'string' ? name : null);
  }
  return names.get(personId) ?? undefined;
}

/** The seats each person took, from the continuity view: which party they work for, and as what. */
function seatsOfPeople(views: LedgerViews, people: ReadonlySet<string>): Map<string, Seat[]> {
  const { directory, continuity } = views;
  const seats = new Map<string, Seat[]>();
  if (people.size === 0) return seats;
  for (const [roleId, facts] of continuity.seats) {
    const role = directory.roles.get(roleId);
    if (!role) continue;
    for (const fact of facts) {
      const personId = fact.kind === 'handover' ? fact.fromPersonId : fact.personId;
      if (!people.has(personId) || fact.kind === 'vacated' || fact.kind === 'handover') continue;
      const site = role.siteId ? directory.sites.get(role.siteId) : undefined;
      const list = seats.get(personId) ?? [];
      list.push({
        partyId: role.partyId,
        title: role.title,
        siteName: site?.name,
        partyName: directory.parties.get(role.partyId)?.name ?? role.partyId,
      });
      seats.set(personId, list);
    }
  }
  return seats;
}

/** "proeftuin Kampen", also for a site whose name says "Proeftuin" already. */
function siteText(context: PageContext, siteName: string): string {
  return /^proeftuin\b/i.test(siteName) ? siteName : `${context.t('proeftuin', 'site')} ${siteName}`;
}
