import fc from 'fast-check';
import type { LedgerFact } from '../core/ledger-fact';
import { findString, internFrom, internString, newStringPool, stringAt } from './string-pool';
import { sortedSubset, timelineOrder } from './timeline-order';
import { positionOf, timelineProjection, type TimelineState } from './timeline.projection';

const registered = (partyId: string, occurredAt: number, recordedAt: number, position: string): LedgerFact => ({
  type: 'PartyRegistered',
  data: { partyId, kind: 'initiative', name: partyId, visibility: { kind: 'shared' } },
  streamName: `party-${partyId}`,
  position,
  occurredAt,
  recordedAt,
});

/** The order by definition: occurred, then recorded, then position as a number. */
function naiveOrder(state: TimelineState): string[] {
  return Array.from({ length: state.count }, (_, entry) => entry)
    .sort(
      (a, b) =>
        state.occurredAt[a] - state.occurredAt[b] ||
        state.recordedAt[a] - state.recordedAt[b] ||
        (BigInt(positionOf(state, a)) < BigInt(positionOf(state, b)) ? -1 : 1),
    )
    .map((entry) => positionOf(state, entry));
}

describe('the timeline order', () => {
  it('sorts by occurred, recorded, position, also when later facts are put in between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20), fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(300), { maxLength: 4 }),
        (facts, queryAfter) => {
          const state = timelineProjection.initialState();
          const stops = new Set(queryAfter);
          facts.forEach(([day, second, huge], k) => {
            // Some positions do not fit a double: they are compared as big integers.
            const position = huge ? String(2n ** 60n + BigInt(k)) : String(k + 1);
            timelineProjection.apply(state, registered(`p-${k % 7}`, day * 86_400_000, second * 1000, position));
            // Queries in between leave remembered orders that the next query must extend correctly.
            if (stops.has(k)) {
              timelineOrder(state);
              sortedSubset(state, 'party:0', state.partyPostings[0]);
            }
          });
          expect(Array.from(timelineOrder(state), (entry) => positionOf(state, entry))).toEqual(naiveOrder(state));
          const party = state.idIds.get('p-0') ?? -1;
          const subset = Array.from(sortedSubset(state, `party:${party}`, state.partyPostings[party]), (e) =>
            positionOf(state, e),
          );
          expect(subset).toEqual(naiveOrder(state).filter((p) => subset.includes(p)));
          expect(subset).toHaveLength(state.partyPostings[party]?.length ?? 0);
        },
      ),
    );
  });
});

describe('the string pool', () => {
  it('interns each string once and gives it back, also past a rehash and with non-ASCII text', () => {
    const pool = newStringPool();
    const texts = Array.from({ length: 3000 }, (_, k) => (k % 10 === 0 ? `stroom-ë-€-${k}` : `commitment-c-${k}`));
    const ids = texts.map((text) => internString(pool, text));
    expect(ids).toEqual(texts.map((_, k) => k));
    expect(texts.map((text) => internString(pool, text))).toEqual(ids);
    expect(texts.map((text) => findString(pool, text))).toEqual(ids);
    expect(ids.map((id) => stringAt(pool, id))).toEqual(texts);
    expect(findString(pool, 'commitment-c-3000')).toBe(-1);
    expect(pool.count).toBe(3000);
  });

  it('takes strings over from another pool: the ones it holds keep their number, new ones come after', () => {
    const pool = newStringPool();
    for (const text of ['meeting-a', 'stroom-ë']) internString(pool, text);
    const other = newStringPool();
    const texts = ['stroom-ë', 'meeting-b', 'meeting-a', 'meeting-c'];
    for (const text of texts) internString(other, text);
    expect(texts.map((_, id) => internFrom(pool, other, id))).toEqual([1, 2, 0, 3]);
    expect([0, 1, 2, 3].map((id) => stringAt(pool, id))).toEqual(['meeting-a', 'stroom-ë', 'meeting-b', 'meeting-c']);
    expect(findString(pool, 'meeting-c')).toBe(3);
  });
});
