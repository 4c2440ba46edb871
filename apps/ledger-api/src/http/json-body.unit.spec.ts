import { JsonBodyError, MAX_JSON_DEPTH, parseJsonBody } from './json-body';

describe('parsing a JSON body', () => {
  it('returns the parsed value of an ordinary body', () => {
    expect(parseJsonBody('{"partyId":"gemeente-vaals","tags":["a",{"b":[1,2]}],"note":"{[\\"]}"}')).toEqual({
      partyId: 'gemeente-vaals',
      tags: ['a', { b: [1, 2] }],
      note: '{["]}',
    });
  });

  it(`accepts nesting up to ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH + 1))).toThrow(JsonBodyError);
  });

  it('does not count brackets inside strings', () => {
    expect(parseJsonBody(JSON.stringify({ text: '['.repeat(1000) }))).toEqual({ text: '['.repeat(1000) });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the key %s', (key) => {
    expect(() => parseJsonBody(`{"reason":"x","nested":{"${key}":1}}`)).toThrow(`"${key}" is not allowed`);
  });

  it('refuses text that is not JSON with a 400 error', () => {
    expect(() => parseJsonBody('{bad')).toThrow(JsonBodyError);
  });
});
