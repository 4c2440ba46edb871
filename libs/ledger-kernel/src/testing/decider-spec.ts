import type { Decider, DomainEvent } from '../domain/decider';
import { LedgerError } from '../domain/ledger-errors';

/**
 * Given/when/then for a decider, without Nest or a store:
 *
 *   spec(given(made, withdrawn)).when(fulfil).thenThrows('commitment-not-open')
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return {
    given: (...history: Event[]) => ({
      when: (command: Command) => {
        const decide = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
        return {
          then: (...expected: Event[]) => expect(decide()).toEqual(expected),
          /**
           * The events exactly as the store keeps them: their JSON, key for key, with no field
           * more than expected and none that JSON would drop (an undefined, say).
           */
          thenStores: (...expected: Event[]) => {
            const events = decide();
            const stored: unknown = JSON.parse(JSON.stringify(events));
            expect(events).toStrictEqual(stored);
            expect(stored).toStrictEqual(expected);
          },
          /** The command is refused with this error code (and no events). */
          thenThrows: (code: string) => {
            let thrown: unknown;
            try {
              decide();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(LedgerError);
            expect((thrown as LedgerError).code).toBe(code);
            return thrown as LedgerError;
          },
        };
      },
    }),
  };
}
