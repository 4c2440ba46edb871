import fc from 'fast-check';
import { epochMs, isIsoTimestamp } from './iso-timestamp';

describe('ISO-8601 timestamps', () => {
  it.each([
    '2024-11-25T10:00:00Z',
    '2024-11-25T10:00Z',
    '2024-02-29T23:59:59.999Z',
    '2023-03-14T09:30:00.123456+01:00',
    '2022-12-01T00:00:00-05:30',
  ])('accepts %s', (value) => expect(isIsoTimestamp(value)).toBe(true));

  it.each([
    ['no zone', '2024-11-25T10:00:00'],
    ['a date only', '2024-11-25'],
    ['30 February', '2024-02-30T10:00:00Z'],
    ['29 February in a common year', '2023-02-29T10:00:00Z'],
    ['hour 24', '2024-11-25T24:00:00Z'],
    ['month 13', '2024-13-01T10:00:00Z'],
    ['words', 'gisteren'],
    ['a number', 1732528800000],
  ])('refuses %s', (_why, value) => expect(isIsoTimestamp(value)).toBe(false));
});

describe('epochMs, a faster Date.parse', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const canonical = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      millisecond: fc.integer({ min: 0, max: 999 }),
    })
    .map(
      ({ year, month, day, hour, minute, second, millisecond }) =>
        `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(millisecond, 3)}Z`,
    );
  // The same 24 characters with one of them changed to anything: another form, or none.
  const mangled = fc
    .tuple(canonical, fc.nat(23), fc.string({ minLength: 1, maxLength: 1 }))
    .map(([value, at, char]) => value.slice(0, at) + char + value.slice(at + 1));

  it('reads every time of the form toISOString() writes as Date.parse does, also out-of-range fields', () => {
    fc.assert(
      fc.property(canonical, (value) => Object.is(epochMs(value), Date.parse(value))),
      { numRuns: 20_000 },
    );
  });

  it('reads any near miss of that form as Date.parse does (mostly by handing it over)', () => {
    fc.assert(
      fc.property(mangled, (value) => Object.is(epochMs(value), Date.parse(value))),
      { numRuns: 20_000 },
    );
  });

  it.each([
    '2023-02-29T10:00:00.000Z', // rolled over to 1 March, as Date.parse does
    '1969-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00.000Z',
    '2024-11-25T10:00:00Z',
    '2023-03-14T09:30:00.123456+01:00',
    '2024-11-25T24:00:00.000Z',
    '+002024-11-25T10:00:00.000Z',
    'gisteren',
  ])('reads %s as Date.parse does', (value) => {
    expect(epochMs(value)).toBe(Date.parse(value));
  });
});
