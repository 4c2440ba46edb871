import type { EventStore } from '@samen/event-store';
import type { LedgerConfig } from '@samen/config';

export interface CliContext {
  readonly store: EventStore;
  readonly config: LedgerConfig;
  readonly out: (line: string) => void;
}

export interface CliCommand {
  /** The words that select it, e.g. "store info". */
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: string[], context: CliContext): Promise<void>;
}

/** Wrong use of a command: reported with its usage, exit code 2, nothing done. */
export class UsageError extends Error {}

/** Reads a non-negative whole number from a flag, or refuses it naming the flag. */
export function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  }
  return Number(value);
}
