import { dutchDate, type TimeWindow } from '../core/time-window';

/**
 * The moment "overdue" and "still waiting" are judged at: the asOf moment when the question
 * has one, else the knownAt moment (the ledger as it knew it then), else now. Queries get
 * `now` from their caller and never read the clock themselves.
 */
export function judgedAt(window: TimeWindow, now: number): number {
  if (Number.isFinite(window.asOf)) return window.asOf;
  if (Number.isFinite(window.knownAt)) return window.knownAt;
  return now;
}

/**
 * The runner remembers answers per log position; an answer judged at today's date must also
 * be forgotten when the day changes, so the date joins the question's cache key.
 */
export function askedToday<Query extends object>(query: Query, now: number): Query {
  return Object.assign({}, query, { judgedOn: dutchDate(now) });
}
