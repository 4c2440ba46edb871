import type { GlobalPosition } from '../envelope';
import type { EventStore } from '../event-store.port';
import { GENESIS_HASH } from './chain-hash';

/** A head the auditor wrote down earlier: the hash the event at `position` had then. */
export interface ExpectedHead {
  readonly position: GlobalPosition;
  /** 64 lowercase hex digits. */
  readonly hash: string;
}

export interface VerifyChainOptions {
  /** Also check that the event at this position still has the hash the auditor recorded. */
  readonly expectHead?: ExpectedHead;
}

/** How the chain is broken at the reported position. */
export type ChainBreakKind =
  /** The event's own hash does not match its content: it was changed after it was recorded. */
  | 'content-changed'
  /** The event after it was chained to a different event here: rewritten, deleted, inserted or reordered. */
  | 'link-broken'
  /** No event at this position although later ones exist: it was deleted. */
  | 'position-missing'
  /** An event at a position the store never assigns (below 1): it was inserted. */
  | 'position-invalid'
  /** The hash here is not the one the auditor recorded. */
  | 'expected-head-mismatch'
  /** The log ends before the position whose hash the auditor recorded. */
  | 'expected-head-missing';

export interface ChainIntact {
  readonly intact: true;
  readonly events: number;
  /** Undefined for an empty log. */
  readonly headPosition: GlobalPosition | undefined;
  /** The newest event's hash (64 zeros for an empty log): write it down to check later. */
  readonly headHash: string;
}

export interface ChainBroken {
  readonly intact: false;
  /** The first position at which the log differs from what was chained. */
  readonly position: GlobalPosition;
  readonly kind: ChainBreakKind;
  readonly reason: string;
}

export type ChainVerification = ChainIntact | ChainBroken;

/** The adapter keeps no chain (KurrentDB); nothing was verified. */
export interface ChainUnavailable {
  readonly intact: null;
  readonly reason: string;
}

export const KURRENTDB_CHAIN_UNAVAILABLE =
  'not available on KurrentDB: a cluster with several writers cannot chain every event at append time ' +
  'without serialising all of them, so the KurrentDB adapter keeps no hashes (docs/adr/0006-tamper-evident-log.md)';

/** Verifies the store's chain, or says that this adapter keeps none. */
export async function verifyEventLog(
  store: EventStore,
  options: VerifyChainOptions = {},
): Promise<ChainVerification | ChainUnavailable> {
  if (!store.verifyChain) {
    return {
      intact: null,
      reason: store.kind === 'kurrentdb' ? KURRENTDB_CHAIN_UNAVAILABLE : `not available on the ${store.kind} store`,
    };
  }
  return store.verifyChain(options);
}

/**
 * Walks a gap-free log (positions 1, 2, 3, …) one stored event at a time, in position
 * order, holding nothing but the previous hash: memory stays constant however long the log.
 *
 * Each event is checked three ways, and the first failure is reported:
 * 1. its position follows the previous one (a hole means an event was deleted; a position
 *    below 1, which the store never assigns, one that was inserted);
 * 2. `SHA-256(stored previous hash || canonical form)` equals its stored hash (else its
 *    content, or its stored previous hash, changed after it was recorded);
 * 3. its stored previous hash is the hash of the event before it. When only this fails,
 *    both events are consistent in themselves, and the later one records that the earlier
 *    position held a different event when it was chained: the earlier position is reported,
 *    as rewritten (with its own hash recomputed) or as the place where events were deleted,
 *    inserted or reordered.
 *
 * Rewriting an event and recomputing every hash after it cannot be seen from inside the
 * file; that is what a head hash written down elsewhere ({@link ExpectedHead}) is for.
 */
export class ChainWalk {
  private previousHash = GENESIS_HASH;
  private lastPosition = 0;
  private readonly expectedAt: number;

  constructor(private readonly expectHead?: ExpectedHead) {
    this.expectedAt = expectHead ? Number(expectHead.position) : 0;
  }

  /**
   * Checks the next stored event, given its stored previous hash and hash and the hash
   * recomputed from its stored previous hash and canonical form. Returns the break it shows,
   * or undefined when it holds.
   */
  next(position: number, previousHash: string, hash: string, recomputed: string): ChainBroken | undefined {
    if (position < 1) {
      return broken(
        position,
        'position-invalid',
        `the store numbers its log from 1, so the event at position ${position} was inserted`,
      );
    }
    if (position !== this.lastPosition + 1) {
      const missing = this.lastPosition + 1;
      return broken(
        missing,
        'position-missing',
        position === missing + 1
          ? `position ${missing} is missing: an event was deleted`
          : `positions ${missing}–${position - 1} are missing: events were deleted, or the event at ${position} was put there`,
      );
    }
    if (recomputed !== hash) {
      return broken(
        position,
        'content-changed',
        `hash mismatch: the event's content is not what was recorded (stored hash ${abbreviate(hash)})`,
      );
    }
    if (previousHash !== this.previousHash) {
      if (position === 1) {
        return broken(
          1,
          'link-broken',
          `previous-hash mismatch: the first event is not chained to the start of the log`,
        );
      }
      return broken(
        position - 1,
        'link-broken',
        `previous-hash mismatch: position ${position} was chained to a different event at position ${position - 1} ` +
          `(hash ${abbreviate(previousHash)}, now ${abbreviate(this.previousHash)}): that event was rewritten, ` +
          `or events were deleted, inserted or reordered there`,
      );
    }
    if (position === this.expectedAt && hash !== this.expectHead!.hash) {
      return broken(
        position,
        'expected-head-mismatch',
        `the hash here is ${hash}, not the expected ${this.expectHead!.hash}: the log up to this position changed since that hash was recorded`,
      );
    }
    this.previousHash = hash;
    this.lastPosition = position;
    return undefined;
  }

  /** The verdict once every stored event has passed {@link next}. */
  finish(): ChainVerification {
    if (this.expectedAt > this.lastPosition) {
      return broken(
        this.expectedAt,
        'expected-head-missing',
        this.lastPosition === 0
          ? 'the log is empty, so the expected head is gone: events were removed'
          : `the log ends at position ${this.lastPosition}, before the expected head: events were removed from its end`,
      );
    }
    return {
      intact: true,
      events: this.lastPosition,
      headPosition: this.lastPosition === 0 ? undefined : BigInt(this.lastPosition),
      headHash: this.previousHash,
    };
  }
}

function broken(position: number, kind: ChainBreakKind, reason: string): ChainBroken {
  return { intact: false, position: BigInt(position), kind, reason };
}

const abbreviate = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 16)}…` : JSON.stringify(hash));

/** Reads `POSITION:HASH` as written by {@link describeVerification}; undefined when malformed. */
export function parseExpectedHead(text: string): ExpectedHead | undefined {
  const match = /^([1-9]\d{0,18}):([0-9a-fA-F]{64})$/.exec(text);
  return match ? { position: BigInt(match[1]), hash: match[2].toLowerCase() } : undefined;
}

/** One line for people: what the CLI prints. */
export function describeVerification(result: ChainVerification | ChainUnavailable): string {
  if (result.intact === null) return `verification is ${result.reason}`;
  if (!result.intact) return `broken at position ${result.position}: ${result.reason}`;
  return `intact: ${result.events} events, head position ${result.headPosition ?? 'none'}, head hash ${result.headHash}`;
}

/** As JSON: positions are decimal strings (ADR 0003). */
export function verificationToJson(result: ChainVerification | ChainUnavailable) {
  if (result.intact === null) return { intact: null, reason: result.reason };
  if (!result.intact) {
    return { intact: false, position: result.position.toString(), kind: result.kind, reason: result.reason };
  }
  return {
    intact: true,
    events: result.events,
    headPosition: result.headPosition?.toString() ?? null,
    headHash: result.headHash,
  };
}
