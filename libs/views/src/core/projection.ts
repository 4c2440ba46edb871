import type { LedgerEvent, LedgerFact } from './ledger-fact';

/**
 * A view's read side: an initial state and how one fact changes it, with no I/O, so the same
 * code serves live updates, rebuilds and time travel. `apply` changes the state in place:
 * a rebuild applies a million facts, and copying the state for each would cost more than
 * reading them. States hold each fact's stamp, so every question about an earlier date is
 * answered from the one state by filtering (see TimeWindow), never by replaying.
 */
export interface Projection<State> {
  readonly name: string;
  initialState(): State;
  apply(state: State, fact: LedgerFact): void;
  /**
   * The only fact types `apply` changes the state for, so that a rebuild gives the view no
   * other (two thirds of a long log are attendance marks); absent when it reads every type.
   */
  readonly types?: readonly LedgerEvent['type'][];
  /**
   * Makes room for `facts` more facts at once, where the caller knows how many are coming
   * (a rebuild of the embedded log): a column grown step by step is copied twice over.
   */
  reserve?(state: State, facts: number): void;
  /**
   * After a rebuild that reserved room, gives back what the view did not use (where it
   * applies only some of the facts reserved for): its columns end as long as growing them
   * fact by fact would have made them.
   */
  trim?(state: State): void;
  /**
   * The state's lookups that only index a table of strings (`index.get(table[n]) === n`, as
   * `intern()` keeps them). A thread handing the state over sends the tables alone, and the
   * receiver builds the lookups again, in less time than cloning them takes.
   */
  readonly indexes?: readonly StringIndex<State>[];
}

/** A table of strings and, by name, the state's lookup of each string's number in it. */
export type StringIndex<State> = readonly [table: FieldOf<State, string[]>, index: FieldOf<State, Map<string, number>>];

type FieldOf<State, Type> = { [K in keyof State]: State[K] extends Type ? K : never }[keyof State] & string;

/** Appends to the list under `key`, creating it: most view states are lists per id. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
