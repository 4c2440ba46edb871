import type { Random } from './random';

/** Time in the simulation is milliseconds since the epoch (UTC), as plain numbers. */
export type Moment = number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
export const YEAR = 365 * DAY;

/** Every synthetic fact occurred within these two years. */
export const HISTORY_START: Moment = Date.UTC(2023, 0, 1);
export const HISTORY_END: Moment = Date.UTC(2024, 11, 31, 23, 59);

/** Formats like Date.prototype.toISOString, with the date part cached: facts come day by day. */
export function isoTimestamp(at: Moment): string {
  const day = Math.floor(at / DAY);
  const rest = at - day * DAY;
  const hours = Math.floor(rest / HOUR);
  const minutes = Math.floor((rest % HOUR) / MINUTE);
  const ms = rest % MINUTE;
  return `${datePart(day)}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[Math.floor(ms / 1000)]}.${String(ms % 1000).padStart(3, '0')}Z`;
}

export const isoDate = (at: Moment): string => datePart(Math.floor(at / DAY));

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** Days formatted so far: a few hundred in two years, so it stays small. */
const dates = new Map<number, string>();

function datePart(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

export const startOfDay = (at: Moment): Moment => at - (((at % DAY) + DAY) % DAY);

export function addMonths(at: Moment, months: number): Moment {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

/** The same day, or the Monday after when it falls in a weekend: offices are closed. */
export function workday(at: Moment): Moment {
  const weekday = new Date(at).getUTCDay();
  return weekday === 6 ? at + 2 * DAY : weekday === 0 ? at + DAY : at;
}

/** A moment during office hours on the working day of `day`. */
export function officeHours(random: Random, day: Moment): Moment {
  return workday(startOfDay(day)) + 8 * HOUR + random.int(9 * 60) * MINUTE;
}
