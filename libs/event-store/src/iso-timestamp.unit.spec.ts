import { isIsoTimestamp } from './iso-timestamp';

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
