import { gunzipSync } from 'node:zlib';
import { FinishedAnswer } from './finished-answer';

describe('a finished answer', () => {
  it('gzips its body once, however often it is asked', async () => {
    const body = Buffer.from(
      JSON.stringify({ rates: Array.from({ length: 200 }, (_, i) => ({ partyId: `gemeente-${i}` })) }),
    );
    const answer = new FinishedAnswer(body, { 'x-next-cursor': 'abc' });
    const first = answer.gzip();
    expect(answer.gzip()).toBe(first);
    const zipped = await first;
    expect(gunzipSync(zipped)).toEqual(body);
    expect(zipped.length).toBeLessThan(body.length / 5);
  });
});
