import { acceptsGzip } from './content-coding';

describe('whether a client takes gzip', () => {
  it.each([
    ['gzip, deflate, br', true], // what browsers and fetch send
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['identity, *;q=0.5', true],
  ])('%s: yes', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it.each([
    [undefined, false], // curl without --compressed
    ['', false],
    ['identity', false],
    ['br, deflate', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['*, gzip;q=0', false], // named beats *
    ['*;q=0', false],
    ['gzip;q=veel', false], // an unreadable weight is a no: the plain answer always goes
    ['gzip;q=1.5', false],
  ])('%s: no', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
