import type { NewEvent } from '@samen/event-store';
import type { Decider, DomainEvent } from '@samen/ledger-kernel';
import { HISTORY_END, isoTimestamp, type Moment } from './calendar';
import { MinHeap } from './min-heap';
import type { UuidSequence } from './random';
import { pad } from './texts';

/** Every synthetic event says who wrote it, so it can never pass for a person's work. */
export const SYNTHETIC_ACTOR = 'seed:synthetic';

/** One event on its way to the store, with the moment it is recorded in the simulation. */
export type Fact = Readonly<{
  streamName: string;
  revision: number;
  /** When it is written: its occurredAt, later for facts typed in late. Orders the log. */
  recordedAt: Moment;
  occurredAt: Moment;
  /** Order of emission, to keep ties in the order the facts arose. */
  seq: number;
  event: NewEvent;
}>;

/** Write order: by recording moment, then by when it happened, then by emission. */
export const factBefore = (a: Fact, b: Fact): boolean =>
  a.recordedAt !== b.recordedAt
    ? a.recordedAt < b.recordedAt
    : a.occurredAt !== b.occurredAt
      ? a.occurredAt < b.occurredAt
      : a.seq < b.seq;

/** A stream's folded state and revision (-1: nothing written yet), kept only while it is live. */
export class StreamCursor<State> {
  revision = -1;
  /** Events of a list already recorded but not yet folded into `state` (see Simulation.recordList). */
  unfolded: DomainEvent[] = [];
  constructor(
    readonly name: string,
    public state: State,
    /**
     * Whether the simulation reads this state to decide what happens next (commitments,
     * payments, invoices). A counting run needs only those states folded.
     */
    readonly consulted = false,
  ) {}
}

/** People are numbered across the whole history: p-000001, p-000002, … */
export class PersonNumbers {
  private last = 0;
  next(): string {
    return `p-${pad(++this.last, 6)}`;
  }
}

type Action = { readonly time: Moment; readonly seq: number; readonly run: () => void };

export type SimulationOptions = Readonly<{
  /** False for a counting run: the deciders still run, but no event is built. */
  record: boolean;
  /** Event, causation and correlation ids: apart from the decisions' generator, so counting draws the same decisions. */
  ids: UuidSequence;
  backfill?: Backfill;
}>;

/**
 * History typed in afterwards: what happened from `from` on is recorded from `startsAt`,
 * in the order it happened, until the typing catches up with the present at `until`.
 */
export type Backfill = Readonly<{ from: Moment; startsAt: Moment; until: Moment }>;

/**
 * When something typed in at `typedIn` reaches the log. A back-fill maps the moments before
 * `until` onto the typing period, keeping their order: so nothing of the programme is written
 * before what it depends on, and its facts mix with the other programmes' as they are typed.
 */
function recordingMoment(typedIn: Moment, backfill: Backfill | undefined): Moment {
  if (!backfill || typedIn >= backfill.until) return typedIn;
  const { from, startsAt, until } = backfill;
  return startsAt + Math.floor(((typedIn - from) / (until - from)) * (until - startsAt));
}

/**
 * A discrete-event simulation that writes through the real deciders. Actions run in time
 * order; each command is decided on the stream's current state and its events are evolved
 * into it, so every synthetic history obeys the domain's rules. Facts leave in write order
 * ({@link factBefore}): a fact typed in late waits in the outbox until its recording moment.
 */
export class Simulation {
  now: Moment = 0;
  /** Events decided so far. */
  recorded = 0;
  private seq = 0;
  private correlationId: string | undefined;
  private readonly agenda = new MinHeap<Action>((a, b) => a.time < b.time || (a.time === b.time && a.seq < b.seq));
  private readonly outbox = new MinHeap<Fact>(factBefore);

  constructor(private readonly options: SimulationOptions) {}

  /** Runs `run` at `time` (never in the past); nothing happens after the history ends. */
  at(time: Moment, run: () => void): void {
    if (time > HISTORY_END) return;
    this.agenda.push({ time: time > this.now ? time : this.now, seq: this.seq++, run });
  }

  /**
   * Decides `command` on the stream's state, as a command handler would, and records its
   * events as occurring now; `delay` is how long after it happened it is typed in.
   */
  record<Command, Event extends DomainEvent, State>(
    cursor: StreamCursor<State>,
    decider: Decider<Command, Event, State>,
    command: Command,
    delay = 0,
  ): void {
    if (!this.options.record && !cursor.consulted) {
      // Every command of these deciders yields one event (the recording run checks it).
      cursor.revision += 1;
      this.recorded += 1;
      return;
    }
    this.catchUp(cursor, decider);
    const [event] = this.decideOne(cursor, decider, command);
    cursor.state = decider.evolve(cursor.state, event);
    this.written(cursor, event, delay, decider.upcaster.currentVersion(event.type));
  }

  /**
   * Records a list typed in at once (an attendance list). Each command is decided on the
   * stream as it stood before the list, and the list's events are folded into the state
   * only when a later command on the stream needs it: folding a meeting's growing
   * attendance one record at a time cost half of all generation (docs/benchmarks.md).
   *
   * The decisions are those a handler makes one by one as long as the decider's rule for
   * these commands looks only at the stream's status and at the item's own entry (as
   * RecordAttendance does), and the list names each item once, which `keyOf` checks. The
   * spec replays every generated attendance record one by one to keep this honest.
   */
  recordList<Command, Event extends DomainEvent, State>(
    cursor: StreamCursor<State>,
    decider: Decider<Command, Event, State>,
    commands: readonly Command[],
    keyOf: (command: Command) => string,
    delay = 0,
  ): void {
    if (cursor.consulted) throw new Error(`${cursor.name}: a list is folded late; no decision may read its state`);
    const keys = new Set(commands.map(keyOf));
    if (keys.size !== commands.length) throw new Error(`${cursor.name}: a list names an item twice`);
    if (!this.options.record) {
      cursor.revision += commands.length;
      this.recorded += commands.length;
      return;
    }
    this.catchUp(cursor, decider);
    for (const command of commands) {
      const [event] = this.decideOne(cursor, decider, command);
      cursor.unfolded.push(event);
      this.written(cursor, event, delay, decider.upcaster.currentVersion(event.type));
    }
  }

  private decideOne<Command, Event extends DomainEvent, State>(
    cursor: StreamCursor<State>,
    decider: Decider<Command, Event, State>,
    command: Command,
  ): [Event] {
    const events = decider.decide(command, cursor.state);
    if (events.length !== 1) {
      throw new Error(`${cursor.name}: a command yielded ${events.length} events; counting assumes one`);
    }
    return [events[0]];
  }

  private catchUp<Command, Event extends DomainEvent, State>(
    cursor: StreamCursor<State>,
    decider: Decider<Command, Event, State>,
  ): void {
    if (cursor.unfolded.length === 0) return;
    for (const event of cursor.unfolded) cursor.state = decider.evolve(cursor.state, event as Event);
    cursor.unfolded = [];
  }

  private written(cursor: StreamCursor<unknown>, event: DomainEvent, delay: number, schemaVersion: number): void {
    cursor.revision += 1;
    this.recorded += 1;
    if (this.options.record) {
      this.outbox.push(this.fact(cursor, event, delay, this.options.ids.next(), schemaVersion));
    }
  }

  /** Runs the next action; false when there is none left. */
  step(): boolean {
    const action = this.agenda.pop();
    if (!action) return false;
    this.now = action.time;
    this.correlationId = undefined;
    action.run();
    return true;
  }

  /**
   * The next fact in write order, running actions until no later action can record an
   * earlier one (actions record at or after their own time). Undefined when all is done.
   */
  peek(): Fact | undefined {
    for (;;) {
      const ready = this.outbox.peek();
      const next = this.agenda.peek();
      if (ready && (!next || ready.recordedAt <= next.time)) return ready;
      if (!this.step()) return undefined;
    }
  }

  /** Removes the fact {@link peek} returned. */
  take(): void {
    this.outbox.pop();
  }

  /** The event as the store will take it; `causationId` is its command's id (one event per command). */
  private fact(
    cursor: StreamCursor<unknown>,
    event: DomainEvent,
    delay: number,
    causationId: string,
    schemaVersion: number,
  ): Fact {
    const { backfill, ids } = this.options;
    // One user action (a form, a list typed in) shares its correlation id, as over HTTP.
    this.correlationId ??= ids.next();
    return {
      streamName: cursor.name,
      revision: cursor.revision,
      recordedAt: recordingMoment(this.now + delay, backfill),
      occurredAt: this.now,
      seq: this.seq++,
      event: {
        id: ids.next(),
        type: event.type,
        schemaVersion,
        data: event.data as NewEvent['data'],
        metadata: {
          occurredAt: isoTimestamp(this.now),
          correlationId: this.correlationId,
          causationId,
          actor: SYNTHETIC_ACTOR,
        },
      },
    };
  }
}
