import type { Upcaster } from '../events/upcasting';

/** A fact as the domain sees it: a past-tense type and its data. Envelope fields live in the store. */
export type DomainEvent<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** The pure heart of a consistency boundary: no clock, no ids, no I/O. */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  /** The schema version of each event it decides, and how older stored shapes are read. */
  readonly upcaster: Upcaster<Event>;
}

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** A moment with its zone, ISO-8601. */
export type IsoTimestamp = string;
/** Money, always whole euro cents: never a float. */
export type Cents = number;

/** Amounts are whole, positive euro cents: the one rule for every amount in the ledger. */
export function isPositiveCents(amount: unknown): amount is Cents {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0;
}
