import fc from 'fast-check';
import { daysBetween, dutchDate } from '../core/time-window';
import { dateOf, daysFrom } from './dutch-days';

describe('fast Dutch calendar days', () => {
  // 2022–2026, with every change to and from summer time in between.
  const moment = fc.integer({ min: Date.parse('2022-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') });

  it('give the same date as the Intl-based helper for any moment', () => {
    fc.assert(
      fc.property(moment, (at) => expect(dateOf(at)).toBe(dutchDate(at))),
      { numRuns: 2000 },
    );
  });

  it('count the same days between two moments', () => {
    fc.assert(
      fc.property(moment, moment, (a, b) => expect(daysFrom(a, b)).toBe(daysBetween(a, b))),
      { numRuns: 1000 },
    );
  });

  it('put the minutes around midnight on the right day, in winter and in summer', () => {
    expect(dateOf(Date.parse('2023-01-10T22:59:59.999Z'))).toBe('2023-01-10');
    expect(dateOf(Date.parse('2023-01-10T23:00:00Z'))).toBe('2023-01-11');
    expect(dateOf(Date.parse('2023-07-10T21:59:59.999Z'))).toBe('2023-07-10');
    expect(dateOf(Date.parse('2023-07-10T22:00:00Z'))).toBe('2023-07-11');
  });
});
