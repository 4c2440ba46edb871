import { ALL_TIME, dutchMidnight, endOfDutchDay, type TimeWindow } from '../core/time-window';
import type { ViewQueryDto } from './view-query.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date means the whole of that Dutch day; a timestamp means that moment. */
const untilMoment = (value: string) => (DATE.test(value) ? endOfDutchDay(value) : Date.parse(value));

export function windowOf(query: ViewQueryDto): TimeWindow {
  return {
    asOf: query.asOf === undefined ? ALL_TIME.asOf : untilMoment(query.asOf),
    knownAt: query.knownAt === undefined ? ALL_TIME.knownAt : untilMoment(query.knownAt),
  };
}

/** The period filter as epoch milliseconds, both ends inclusive whole days. */
export function periodOf(query: ViewQueryDto): { from?: number; to?: number } {
  return {
    ...(query.from !== undefined && { from: dutchMidnight(query.from) }),
    ...(query.to !== undefined && { to: endOfDutchDay(query.to) }),
  };
}
