import type { Visibility } from '@samen/ledger-kernel';
import { isFunder, mayCountFact, mayReadFact, type PartyKindOf } from './fact-visibility';
import { ANONYMOUS, type Principal } from './principal';

// A programme of one gemeente (Vaals, which records the fact), one other gemeente (Kampen),
// an initiative (Plaats de Wereld) and a fund (VSBfonds).
const KINDS: Record<string, string> = {
  'gemeente-vaals': 'municipality',
  'gemeente-kampen': 'municipality',
  'plaats-de-wereld': 'initiative',
  vsbfonds: 'fund',
};
const partyKindOf: PartyKindOf = (partyId) => KINDS[partyId];
const member = (partyId: string): Principal => ({ kind: 'party-member', id: `t-${partyId}`, partyId });

const READERS: Record<string, Principal> = {
  'the programme team': { kind: 'programme-team', id: 't-kernteam' },
  'its own party': member('gemeente-vaals'),
  'another party': member('gemeente-kampen'),
  'an initiative': member('plaats-de-wereld'),
  'a fund': member('vsbfonds'),
  'an evaluator': { kind: 'evaluator', id: 't-evaluator' },
  anonymous: ANONYMOUS,
};

const VISIBILITIES: Record<string, Visibility> = {
  shared: { kind: 'shared' },
  'restricted to Kampen': { kind: 'parties', partyIds: ['gemeente-kampen'] },
  'initiatives only': { kind: 'initiatives' },
  'funders in aggregate': { kind: 'funders-aggregate' },
};

// Given a fact Vaals recorded with this visibility, when this reader asks: may it read the text?
const READS: Record<string, Record<string, boolean>> = {
  shared: {
    'the programme team': true,
    'its own party': true,
    'another party': true,
    'an initiative': true,
    'a fund': true,
    'an evaluator': true,
    anonymous: false,
  },
  'restricted to Kampen': {
    'the programme team': true,
    'its own party': true,
    'another party': true,
    'an initiative': false,
    'a fund': false,
    'an evaluator': false,
    anonymous: false,
  },
  'initiatives only': {
    'the programme team': true,
    'its own party': true,
    'another party': false,
    'an initiative': true,
    'a fund': false,
    'an evaluator': false,
    anonymous: false,
  },
  'funders in aggregate': {
    'the programme team': true,
    'its own party': true,
    'another party': true,
    'an initiative': true,
    'a fund': false,
    'an evaluator': true,
    anonymous: false,
  },
};

describe('mayReadFact: who reads the text of a fact Gemeente Vaals recorded', () => {
  for (const [visibilityName, visibility] of Object.entries(VISIBILITIES)) {
    describe(`given a fact ${visibilityName}`, () => {
      for (const [readerName, principal] of Object.entries(READERS)) {
        const expected = READS[visibilityName][readerName];
        it(`when ${readerName} asks, then it ${expected ? 'reads it' : 'does not read a word'}`, () => {
          expect(mayReadFact(principal, visibility, partyKindOf, 'gemeente-vaals')).toBe(expected);
        });
      }
    });
  }

  it('a party named in a restriction reads the fact, whoever recorded it', () => {
    const restricted: Visibility = { kind: 'parties', partyIds: ['plaats-de-wereld'] };
    expect(mayReadFact(member('plaats-de-wereld'), restricted, partyKindOf, 'gemeente-kampen')).toBe(true);
    expect(mayReadFact(member('gemeente-vaals'), restricted, partyKindOf, 'gemeente-kampen')).toBe(false);
  });

  it('a fund that records a fact for funders in aggregate reads its own words', () => {
    expect(mayReadFact(member('vsbfonds'), { kind: 'funders-aggregate' }, partyKindOf, 'vsbfonds')).toBe(true);
  });

  it('a member of a party the ledger does not know is neither an initiative nor a fund', () => {
    expect(mayReadFact(member('onbekend'), { kind: 'initiatives' }, partyKindOf)).toBe(false);
    expect(mayReadFact(member('onbekend'), { kind: 'funders-aggregate' }, partyKindOf)).toBe(true);
  });
});

describe('mayCountFact: who counts a fact without reading it', () => {
  it('a fund counts a fact for funders in aggregate that it may not read', () => {
    const aggregate: Visibility = { kind: 'funders-aggregate' };
    expect(mayReadFact(member('vsbfonds'), aggregate, partyKindOf)).toBe(false);
    expect(mayCountFact(member('vsbfonds'), aggregate, partyKindOf)).toBe(true);
  });

  it('a fund does not count what is for the initiatives or other parties only', () => {
    expect(mayCountFact(member('vsbfonds'), { kind: 'initiatives' }, partyKindOf)).toBe(false);
    expect(mayCountFact(member('vsbfonds'), { kind: 'parties', partyIds: ['gemeente-kampen'] }, partyKindOf)).toBe(
      false,
    );
  });

  it('nobody without a token counts anything', () => {
    for (const visibility of Object.values(VISIBILITIES)) {
      expect(mayCountFact(ANONYMOUS, visibility, partyKindOf)).toBe(false);
    }
  });

  it('only members of a fund are funders', () => {
    expect(Object.entries(READERS).filter(([, principal]) => isFunder(principal, partyKindOf))).toEqual([
      ['a fund', member('vsbfonds')],
    ]);
  });
});
