import type { EventStore, GlobalPosition } from '@samen/event-store';
import type { Projection } from '../core/projection';
import { toLedgerFact } from '../core/to-ledger-fact';
import { VIEW_PROJECTIONS, type LedgerViews, type ViewName } from '../ledger-views';

/**
 * Events read per page. Larger pages are not faster: at 4,096 the page outgrows the young
 * generation and reading runs at half speed (docs/benchmarks.md).
 */
const PAGE_SIZE = 512;

/**
 * Applies the log after `after` up to and including `upTo` to the named views, a page at a
 * time, yielding to the event loop between pages so the process keeps answering. Reads only
 * the fields a projection needs and, when every view declares its types, only those types.
 * Aborted, it stops between pages with the signal's reason.
 */
export async function applyLog(
  store: EventStore,
  views: Partial<LedgerViews>,
  names: readonly ViewName[],
  after: GlobalPosition | undefined,
  upTo: GlobalPosition,
  signal?: AbortSignal,
): Promise<void> {
  const lane = names.map((name) => ({
    projection: VIEW_PROJECTIONS[name] as Projection<unknown>,
    state: views[name],
  }));
  const viewsOf = dispatch(lane);
  const types = typesOf(lane);
  for (let position = after; position === undefined || position < upTo;) {
    signal?.throwIfAborted();
    const page = await store.readAllForProjection({ after: position, upTo, maxCount: PAGE_SIZE, types });
    if (page.length === 0) {
      // Of some types, none is left; of all, the log is shorter than it said.
      if (types) return;
      throw new Error(`The log ends at ${position ?? 'its start'}, before position ${upTo}`);
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

interface Target {
  readonly projection: Projection<unknown>;
  readonly state: unknown;
}

/** Every type the views apply, or undefined when one of them reads every type. */
function typesOf(targets: readonly Target[]): readonly string[] | undefined {
  const types = new Set<string>();
  for (const { projection } of targets) {
    if (!projection.types) return undefined;
    for (const type of projection.types) types.add(type);
  }
  return [...types];
}

/**
 * The views that apply a fact of a type, by their declared types: two thirds of a long log
 * are attendance marks, which most views do not read. (replay() gives every fact to every
 * view; the tests hold the two to the same result.)
 */
function dispatch(targets: readonly Target[]): (type: string) => readonly Target[] {
  const byType = new Map<string, Target[]>();
  return (type) => {
    let found = byType.get(type);
    if (!found) {
      found = targets.filter(({ projection }) => !projection.types || projection.types.includes(type as never));
      byType.set(type, found);
    }
    return found;
  };
}
