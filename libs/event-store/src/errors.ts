import type { ExpectedRevision, StreamRevision } from './envelope';

export type EventStoreErrorCode =
  | 'wrong-expected-revision'
  | 'invalid-append'
  | 'not-a-ledger-store'
  | 'store-schema-too-new'
  | 'store-unreachable'
  | 'store-closed'
  | 'chain-broken'
  | 'chain-not-available';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** Another writer got there first: reload the stream and decide again, or give up. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'wrong-expected-revision';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's revision when the append was refused; undefined if it does not exist. */
    readonly actual: StreamRevision | undefined,
  ) {
    super(
      `Stream "${streamName}" expected ${String(expected)} but is at ${actual === undefined ? 'no stream' : String(actual)}.`,
    );
  }
}

/** The append was refused before anything was written; `field` names what is wrong. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'invalid-append';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The database file exists but is not a samen-ledger store; it was not touched. */
export class NotALedgerStoreError extends EventStoreError {
  readonly code = 'not-a-ledger-store';
}

/** The database file was written by a newer samen-ledger; it was not touched. */
export class StoreSchemaTooNewError extends EventStoreError {
  readonly code = 'store-schema-too-new';
}

/**
 * The database server could not be reached, or the connection broke. At start nothing was
 * read or written. For an append, whether it was written is unknown until the stream is
 * read again: retrying it with the same command id (an Idempotency-Key) is safe.
 */
export class StoreUnreachableError extends EventStoreError {
  readonly code = 'store-unreachable';
}

export class StoreClosedError extends EventStoreError {
  readonly code = 'store-closed';
  constructor() {
    super('The event store is closed.');
  }
}

/** Verification found the tamper-evident chain broken; `position` is the first place it breaks. */
export class ChainBrokenError extends EventStoreError {
  readonly code = 'chain-broken';
  constructor(
    readonly position: bigint,
    readonly reason: string,
  ) {
    super(`broken at position ${position}: ${reason}`);
  }
}

/** This adapter keeps no tamper-evident chain (KurrentDB), so nothing could be verified. */
export class ChainNotAvailableError extends EventStoreError {
  readonly code = 'chain-not-available';
  constructor(reason: string) {
    super(`verification is ${reason}`);
  }
}
