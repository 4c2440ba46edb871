import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventStore, GlobalPosition } from '@samen/event-store';
import { VIEW_PROJECTIONS, type LedgerViews, type ViewName } from '../ledger-views';
import { MEETING_FACT_TYPES, OTHER_FACT_TYPES, mergeTimelines } from '../timeline/timeline-merge';
import { timelineProjection } from '../timeline/timeline.projection';
import { applyLog, type LaneView } from './apply-log';
import { unpacked } from './lane-transfer';

export interface CatchUp {
  readonly store: EventStore;
  /**
   * The embedded log's file, for a second thread to open once more; without it (or for a
   * store in memory, which a second connection would find empty) every view is applied in
   * this thread.
   */
  readonly file?: string;
  readonly views: LedgerViews;
  readonly after: GlobalPosition | undefined;
  readonly upTo: GlobalPosition;
  /** Ends the catch-up early (between pages; the second lane at once) with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** What the second lane is given (view-lane.worker.ts). */
export interface LaneWork {
  readonly file: string;
  readonly names: readonly LaneView[];
  readonly states: Partial<LedgerViews>;
  readonly after: GlobalPosition | undefined;
  readonly upTo: GlobalPosition;
}

const ALL_VIEWS = Object.keys(VIEW_PROJECTIONS) as ViewName[];
/**
 * The views the second thread applies: the two that read every attendance mark (two thirds
 * of a long log), so that this thread reads only the other views' types (a fifth less CPU
 * than with the timeline alone there: docs/benchmarks.md). Their states are mostly typed
 * arrays, moved back rather than copied.
 */
const SECOND_LANE: readonly ViewName[] = ['timeline', 'presence'];
const FIRST_LANE = ALL_VIEWS.filter((name) => !SECOND_LANE.includes(name));
/**
 * An empty timeline is built in two parts: the second thread takes the meetings' facts, this
 * one the rest (which it mostly reads anyway), and the parts are merged at the end. Continuing
 * a timeline, the second thread takes it whole: its meetings' facts follow earlier ones.
 */
const SECOND_LANE_IN_PARTS: readonly LaneView[] = [{ name: 'timeline', types: MEETING_FACT_TYPES }, 'presence'];
const FIRST_LANE_IN_PARTS: readonly LaneView[] = [...FIRST_LANE, { name: 'timeline', types: OTHER_FACT_TYPES }];

/**
 * Brings the views from `after` up to `upTo`. With a file, on two cores: each lane reads
 * the log itself (cheaper than handing facts from one thread to the other) and applies its
 * own views, so a rebuild takes about as long as the slower lane. The views are changed in
 * place; they are whole only if the promise resolves (aborted, it rejects).
 */
export async function catchUp({ store, file, views, after, upTo, signal }: CatchUp): Promise<void> {
  signal?.throwIfAborted();
  if (after !== undefined && after >= upTo) return;
  if (file === undefined || file === ':memory:') {
    await applyLog(store, views, ALL_VIEWS, after, upTo, signal);
    return;
  }
  const inParts = views.timeline.count === 0;
  const states: Partial<LedgerViews> = {
    presence: views.presence,
    timeline: inParts ? timelineProjection.initialState() : views.timeline,
  };
  const lane = startLane({ file, names: inParts ? SECOND_LANE_IN_PARTS : SECOND_LANE, states, after, upTo });
  // Either lane failing, or the caller aborting, stops the other.
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const moved = lane.done.catch((error: unknown) => {
    stop.abort(error);
    throw error;
  });
  try {
    await applyLog(store, views, inParts ? FIRST_LANE_IN_PARTS : FIRST_LANE, after, upTo, stop.signal);
    const { presence, timeline } = await Promise.race([moved, aborted(stop.signal)]);
    views.presence = presence!;
    views.timeline = inParts ? mergeTimelines(views.timeline, timeline!) : timeline!;
  } catch (error) {
    throw stop.signal.aborted ? stop.signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    moved.catch(() => undefined);
    await lane.worker.terminate();
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function startLane(work: LaneWork): { worker: Worker; done: Promise<Partial<LedgerViews>> } {
  const worker = new Worker(join(__dirname, `view-lane.worker${extname(__filename)}`), {
    workerData: work,
    execArgv: laneExecArgv(),
  });
  const done = new Promise<Partial<LedgerViews>>((resolve, reject) => {
    worker.once('message', (message: Partial<LedgerViews>) => resolve(unpacked(message)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The second view lane stopped (exit code ${code})`)));
  });
  return { worker, done };
}

/**
 * The worker's Node options: from TypeScript sources (tests, benchmarks), a TypeScript
 * loader; compiled, none. A loader inherited from a test or benchmark runner would cost the
 * compiled worker 0.7 s of a rebuild's critical path; V8 flags (a heap limit) hold for
 * every thread anyway.
 */
function laneExecArgv(): string[] {
  return extname(__filename) === '.ts' ? ['--require', '@swc-node/register'] : [];
}
