import { dutchMidnight } from '../core/time-window';

/**
 * Dutch calendar days, fast: the core helpers ask Intl for every moment (microseconds
 * each), and the commitment and money views ask it for every row of a long answer. These
 * give the same answers from a cache of midnights (a ledger spans a few hundred days).
 */
const midnights = new Map<string, number>();

/** The first moment of a Dutch calendar date (YYYY-MM-DD), epoch milliseconds. */
export function midnightOf(date: string): number {
  let midnight = midnights.get(date);
  if (midnight === undefined) {
    midnight = dutchMidnight(date);
    if (midnights.size < 100_000) midnights.set(date, midnight);
  }
  return midnight;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The Dutch calendar date a moment falls on. Amsterdam is UTC+1 or UTC+2. */
export function dateOf(at: number): string {
  const summer = new Date(at + 2 * HOUR).toISOString().slice(0, 10);
  return midnightOf(summer) <= at ? summer : new Date(at + HOUR).toISOString().slice(0, 10);
}

/** Whole Dutch calendar days from one moment to another. */
export const daysFrom = (from: number, to: number) =>
  Math.round((midnightOf(dateOf(to)) - midnightOf(dateOf(from))) / DAY);
