import { dutchDate } from '../core/time-window';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Dutch calendar dates and day counts for the many moments one answer names. The Dutch date
 * changes only on a whole UTC hour (the offset is one or two hours), so each hour's date is
 * worked out once per answer: formatting dates would otherwise cost more than the rest of
 * the query. Make one per answer; it holds nothing between questions.
 */
export class DutchDays {
  private readonly dates = new Map<number, string>();

  /** The Dutch calendar date (YYYY-MM-DD) of a moment, as `dutchDate` gives it. */
  date(at: number): string {
    const hour = Math.floor(at / HOUR_MS);
    let date = this.dates.get(hour);
    if (date === undefined) {
      date = dutchDate(hour * HOUR_MS);
      this.dates.set(hour, date);
    }
    return date;
  }

  /** Whole calendar days from one moment to another, as `daysBetween` counts them. */
  between(from: number, to: number): number {
    return Math.round((Date.parse(`${this.date(to)}T00:00:00Z`) - Date.parse(`${this.date(from)}T00:00:00Z`)) / DAY_MS);
  }
}
