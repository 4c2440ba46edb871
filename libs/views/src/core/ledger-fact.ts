import type { LedgerEvent } from '@samen/ledger-events';

export type { LedgerEvent } from '@samen/ledger-events';

/** The two times every fact has: time travel filters on them, views sort by them. */
export interface Stamp {
  /** When it happened in the world, epoch milliseconds. */
  readonly occurredAt: number;
  /** When the ledger recorded it, epoch milliseconds. */
  readonly recordedAt: number;
}

/** A stored event as the views receive it: the domain event, its times and its place in the log. */
export type LedgerFact = LedgerEvent &
  Stamp & {
    readonly streamName: string;
    /** Global position, as text (positions are bigints and JSON has none). */
    readonly position: string;
    readonly actor?: string;
  };

/** Only a fact's times: records in view state keep this much, never a whole event. */
export const stampOf = (fact: Stamp): Stamp => ({ occurredAt: fact.occurredAt, recordedAt: fact.recordedAt });
