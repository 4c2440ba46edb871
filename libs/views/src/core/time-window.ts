import type { Stamp } from './ledger-fact';

/**
 * Which facts a question sees: those that occurred by `asOf` (the world as it was) and were
 * recorded by `knownAt` (the ledger as it knew it then). Both bounds are inclusive.
 */
export interface TimeWindow {
  readonly asOf: number;
  readonly knownAt: number;
}

export const ALL_TIME: TimeWindow = { asOf: Number.POSITIVE_INFINITY, knownAt: Number.POSITIVE_INFINITY };

export const isAllTime = (window: TimeWindow) => window.asOf === ALL_TIME.asOf && window.knownAt === ALL_TIME.knownAt;

export const within = (stamp: Stamp, window: TimeWindow): boolean =>
  stamp.occurredAt <= window.asOf && stamp.recordedAt <= window.knownAt;

/** Latest first wins: of several stamped versions, the one in force in the window. */
export function latestWithin<T extends Stamp>(versions: readonly T[], window: TimeWindow): T | undefined {
  let latest: T | undefined;
  for (const version of versions) {
    if (!within(version, window)) continue;
    if (!latest || compareStamps(version, latest) >= 0) latest = version;
  }
  return latest;
}

/**
 * Facts are ordered by when they happened, then by when they were recorded, so a view does
 * not depend on the order in which independent streams were written.
 */
export const compareStamps = (a: Stamp, b: Stamp) => a.occurredAt - b.occurredAt || a.recordedAt - b.recordedAt;

const DAY_MS = 86_400_000;

/** Whole calendar days from one moment to another (Dutch calendar days). */
export const daysBetween = (from: number, to: number) =>
  Math.round((startOfDutchDay(to) - startOfDutchDay(from)) / DAY_MS);

/** Midnight in the Netherlands at the start of the day `at` falls on, as epoch milliseconds. */
export function startOfDutchDay(at: number): number {
  const date = dutchDate(at);
  return dutchMidnight(date);
}

const HOUR_MS = 3_600_000;

/**
 * The Dutch calendar date (YYYY-MM-DD) of a moment. Amsterdam is UTC+1 or UTC+2, so the
 * date is that of `at` two hours on, unless that day's midnight is still ahead; this asks
 * Intl once per day rather than once per moment, which long answers would feel.
 */
export function dutchDate(at: number): string {
  const summer = new Date(at + 2 * HOUR_MS).toISOString().slice(0, 10);
  return dutchMidnight(summer) <= at ? summer : new Date(at + HOUR_MS).toISOString().slice(0, 10);
}

const midnights = new Map<string, number>();

/** The first moment of a Dutch calendar date, as epoch milliseconds. */
export function dutchMidnight(date: string): number {
  let midnight = midnights.get(date);
  if (midnight === undefined) {
    const utcMidnight = Date.parse(`${date}T00:00:00Z`);
    // Amsterdam is UTC+1 or UTC+2; the offset at that midnight decides which.
    const offsetHours = Number(DUTCH_HOUR.format(new Date(utcMidnight)).replace(/\D/g, '')) % 24;
    midnight = utcMidnight - offsetHours * HOUR_MS;
    // A ledger spans some thousands of days; the bound only guards against odd input.
    if (midnights.size < 100_000) midnights.set(date, midnight);
  }
  return midnight;
}

/** The last moment of a Dutch calendar date: what "as of 2024-03-01" includes. */
export const endOfDutchDay = (date: string) => dutchMidnight(nextDate(date)) - 1;

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

const DUTCH_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  hourCycle: 'h23',
});
