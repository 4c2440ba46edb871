import type { EventStore, GlobalPosition } from '@samen/event-store';
import type { LedgerEvent } from '../core/ledger-fact';
import type { Projection } from '../core/projection';
import { toLedgerFact } from '../core/to-ledger-fact';
import { VIEW_PROJECTIONS, type LedgerViews, type ViewName } from '../ledger-views';

/**
 * Events read per page. Larger pages are not faster: at 4,096 the page outgrows the young
 * generation and reading runs at half speed (docs/benchmarks.md).
 */
const PAGE_SIZE = 512;

/** A view built in parts (see mergeTimelines): the fact types of the part a lane builds. */
export interface ViewPart {
  readonly name: ViewName;
  readonly types: readonly LedgerEvent['type'][];
}
export type LaneView = ViewName | ViewPart;

/** Each view of a lane: its projection, its state, and the fact types applied to it. */
export function laneTargets(views: Partial<LedgerViews>, lane: readonly LaneView[]): Target[] {
  return lane.map((view) => {
    const name = typeof view === 'string' ? view : view.name;
    const projection = VIEW_PROJECTIONS[name] as Projection<unknown>;
    return { projection, state: views[name], types: typeof view === 'string' ? projection.types : view.types };
  });
}

/**
 * Applies the log after `after` up to and including `upTo` to the views of a lane, a page at
 * a time, yielding to the event loop between pages so the process keeps answering. Reads only
 * the fields a projection needs and, when every view declares its types, only those types.
 * Aborted, it stops between pages with the signal's reason.
 */
export async function applyLog(
  store: EventStore,
  views: Partial<LedgerViews>,
  lane: readonly LaneView[],
  after: GlobalPosition | undefined,
  upTo: GlobalPosition,
  signal?: AbortSignal,
): Promise<void> {
  const targets = laneTargets(views, lane);
  const viewsOf = dispatch(targets);
  const types = typesOf(targets);
  for (let position = after; position === undefined || position < upTo;) {
    signal?.throwIfAborted();
    const page = await store.readAllForProjection({ after: position, upTo, maxCount: PAGE_SIZE, types });
    if (page.length === 0) {
      // Of some types, none is left (if the log reaches `upTo`); of all, the log is shorter than it said.
      const head = types ? await store.headPosition() : position;
      if (head !== undefined && head >= upTo) return;
      throw new Error(`The log ends at ${head ?? 'its start'}, before position ${upTo}`);
    }
    for (const event of page) {
      const targets = viewsOf(event.type);
      if (targets.length === 0) continue;
      const fact = toLedgerFact(event);
      for (const { projection, state } of targets) projection.apply(state, fact);
    }
    position = page[page.length - 1].position;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface Target {
  readonly projection: Projection<unknown>;
  readonly state: unknown;
  /** The types applied to it; undefined for every type. */
  readonly types: readonly string[] | undefined;
}

/** Every type the views apply, or undefined when one of them reads every type. */
function typesOf(targets: readonly Target[]): readonly string[] | undefined {
  const types = new Set<string>();
  for (const target of targets) {
    if (!target.types) return undefined;
    for (const type of target.types) types.add(type);
  }
  return [...types];
}

/**
 * The views that apply a fact of a type, by the types each applies: two thirds of a long log
 * are attendance marks, which most views do not read. (replay() gives every fact to every
 * view; the tests hold the two to the same result.)
 */
function dispatch(targets: readonly Target[]): (type: string) => readonly Target[] {
  const byType = new Map<string, Target[]>();
  return (type) => {
    let found = byType.get(type);
    if (!found) {
      found = targets.filter((target) => !target.types || target.types.includes(type));
      byType.set(type, found);
    }
    return found;
  };
}
