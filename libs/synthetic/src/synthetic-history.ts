import type { NewEvent } from '@samen/event-store';
import { partyDecider, partyStream } from '@samen/structure';
import { HISTORY_START, HOUR } from './calendar';
import { MinHeap } from './min-heap';
import { ProgrammeRun } from './programme-run';
import { Random, UuidSequence } from './random';
import { type Fact, PersonNumbers, Simulation, StreamCursor } from './simulation';
import { createWorld, type PartyRef, type ProgrammePlan, ProgrammePlanner, type World } from './world';

export type SyntheticHistoryOptions = Readonly<{
  /** Exactly this many events are produced. */
  events: number;
  seed: number;
}>;

/** One append, in write order: never two for a stream without the first being done. */
export type AppendBatch = Readonly<{
  streamName: string;
  /** Exact: 'no_stream' for a new stream, else the revision of its last event so far. */
  expectedRevision: 'no_stream' | number;
  events: NewEvent[];
}>;

/** The most events in one append: attendance lists and back-filled runs stay well below the store's limit. */
const MAX_BATCH_EVENTS = 1_000;

/**
 * A deterministic ledger history of exactly `events` events: the same options always give
 * the same batches (streams, revisions, data, times and ids), in the same order.
 *
 * Programmes run side by side over 2023–2024 and are merged in write order, so memory holds
 * only what is live (running programmes, their open commitments and pending facts), never
 * the history. To stop at exactly `events` without cutting two years short, each
 * programme is first simulated alone and counted (they share no streams), and the last
 * programme needed is cut off where the count is reached: it ends early.
 */
export function* syntheticHistory({ events, seed }: SyntheticHistoryOptions): Generator<AppendBatch> {
  const world = createWorld(seed, events);
  const { programmes, gemeenten, prologueEvents } = planHistory(world, events);
  const people = new PersonNumbers();
  const feeds = new MinHeap<Feed>(feedBefore);
  const openFeed = (sim: Simulation, index: number, cap: number) => {
    const head = cap > 0 ? sim.peek() : undefined;
    if (head) feeds.push({ sim, index, remaining: cap, head });
  };
  openFeed(prologue(world, gemeenten), -1, prologueEvents);

  // A programme joins the merge when the log reaches its launch: nothing of it is written earlier.
  const waiting = [...programmes].sort((a, b) => a.plan.startsAt - b.plan.startsAt || a.plan.index - b.plan.index);
  let nextWaiting = 0;
  let batch: Fact[] = [];
  for (;;) {
    let top = feeds.peek();
    while (nextWaiting < waiting.length && (!top || waiting[nextWaiting].plan.startsAt <= top.head.recordedAt)) {
      const { plan, cap } = waiting[nextWaiting++];
      openFeed(new ProgrammeRun(world, plan, { record: true, people }).sim, plan.index, cap);
      top = feeds.peek();
    }
    if (!top) break;
    const fact = top.head;
    top.sim.take();
    top.remaining -= 1;
    const head = top.remaining > 0 ? top.sim.peek() : undefined;
    if (head) {
      top.head = head;
      feeds.replaceTop(top);
    } else {
      feeds.pop();
    }
    if (batch.length > 0 && (batch[0].streamName !== fact.streamName || batch.length === MAX_BATCH_EVENTS)) {
      yield toBatch(batch);
      batch = [];
    }
    batch.push(fact);
  }
  if (batch.length > 0) yield toBatch(batch);
}

type Feed = { readonly sim: Simulation; readonly index: number; remaining: number; head: Fact };

/** Write order across programmes; ties keep a programme's facts together (an attendance list stays one append). */
function feedBefore(a: Feed, b: Feed): boolean {
  const x = a.head;
  const y = b.head;
  if (x.recordedAt !== y.recordedAt) return x.recordedAt < y.recordedAt;
  if (x.occurredAt !== y.occurredAt) return x.occurredAt < y.occurredAt;
  if (a.index !== b.index) return a.index < b.index;
  return x.seq < y.seq;
}

function toBatch(facts: Fact[]): AppendBatch {
  const first = facts[0].revision;
  return {
    streamName: facts[0].streamName,
    expectedRevision: first === 0 ? 'no_stream' : first - 1,
    events: facts.map((fact) => fact.event),
  };
}

type HistoryPlan = {
  programmes: { plan: ProgrammePlan; cap: number }[];
  gemeenten: PartyRef[];
  prologueEvents: number;
};

/**
 * Which programmes make up `total` events: programmes are added (and counted) until the
 * parties registered up front plus their events reach the total; the last one is capped.
 */
function planHistory(world: World, total: number): HistoryPlan {
  const planner = new ProgrammePlanner(world);
  const programmes: HistoryPlan['programmes'] = [];
  const used = new Set<number>();
  let planned = Math.min(world.fixedParties.length, total);
  while (planned < total) {
    const plan = planner.next();
    const newcomers = plan.sites.map((site) => site.gemeente.index).filter((index) => !used.has(index));
    const room = total - planned;
    for (const index of newcomers.slice(0, room)) used.add(index);
    planned += Math.min(newcomers.length, room);
    if (planned === total) break;
    const cap = Math.min(countEvents(world, plan), total - planned);
    programmes.push({ plan, cap });
    planned += cap;
  }
  const gemeenten = world.gemeenten.filter((gemeente) => used.has(gemeente.index));
  return {
    programmes,
    gemeenten,
    prologueEvents: Math.min(world.fixedParties.length + gemeenten.length, total),
  };
}

/** A programme alone, run to its end without building events: how many it records. */
function countEvents(world: World, plan: ProgrammePlan): number {
  const run = new ProgrammeRun(world, plan, { record: false, people: new PersonNumbers() });
  while (run.sim.step());
  return run.sim.recorded;
}

/** The parties every programme names, registered as the ledger was set up. */
function prologue(world: World, gemeenten: readonly PartyRef[]): Simulation {
  const sim = new Simulation({ record: true, ids: new UuidSequence(new Random(world.seed, 'ids', 'prologue')) });
  sim.at(HISTORY_START + 8 * HOUR, () => {
    for (const { partyId, kind, name } of [...world.fixedParties, ...gemeenten]) {
      const cursor = new StreamCursor(partyStream(partyId), partyDecider.initialState());
      sim.record(cursor, partyDecider, { type: 'RegisterParty', data: { partyId, kind, name } });
    }
  });
  return sim;
}
