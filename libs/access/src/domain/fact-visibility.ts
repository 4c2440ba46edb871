import type { Visibility } from '@samen/ledger-kernel';
import type { Principal } from './principal';

/** A party's kind as the ledger registered it (`initiative`, `fund`, …); undefined for a party it does not know. */
export type PartyKindOf = (partyId: string) => string | undefined;

/**
 * May this principal read this fact's text? The one rule book for per-fact visibility
 * (issue 20): every view, export and page that shows a fact's words asks it.
 *
 * - the programme team reads everything;
 * - the party that recorded the fact (`authorPartyId`) reads what it wrote;
 * - shared: everyone in the programme (members of a party and evaluators; the programme
 *   scope, which programmes a party reads at all, is checked before any fact is looked at);
 * - parties: the named parties;
 * - initiatives: members of a party of kind `initiative`;
 * - funders-aggregate: everyone in the programme but members of a fund, who only count such
 *   facts ({@link mayCountFact});
 * - nobody without a token.
 */
export function mayReadFact(
  principal: Principal,
  visibility: Visibility,
  partyKindOf: PartyKindOf,
  authorPartyId?: string,
): boolean {
  switch (principal.kind) {
    case 'programme-team':
      return true;
    case 'anonymous':
      return false;
    case 'evaluator':
      return visibility.kind === 'shared' || visibility.kind === 'funders-aggregate';
    case 'party-member': {
      if (authorPartyId !== undefined && principal.partyId === authorPartyId) return true;
      switch (visibility.kind) {
        case 'shared':
          return true;
        case 'parties':
          return visibility.partyIds.includes(principal.partyId);
        case 'initiatives':
          return partyKindOf(principal.partyId) === 'initiative';
        case 'funders-aggregate':
          return partyKindOf(principal.partyId) !== 'fund';
        default: {
          const unreachable: never = visibility;
          return unreachable;
        }
      }
    }
    default: {
      const unreachable: never = principal;
      return unreachable;
    }
  }
}

/**
 * May this principal count the fact (in an aggregate of counts per theme and site, never its
 * words, author or date)? Whoever reads it; and a fund, the facts whose visibility is
 * funders-aggregate.
 */
export const mayCountFact = (
  principal: Principal,
  visibility: Visibility,
  partyKindOf: PartyKindOf,
  authorPartyId?: string,
): boolean =>
  mayReadFact(principal, visibility, partyKindOf, authorPartyId) ||
  (visibility.kind === 'funders-aggregate' && isFunder(principal, partyKindOf));

/** A member of a fund: the readers for whom funders-aggregate facts are counts only. */
export const isFunder = (principal: Principal, partyKindOf: PartyKindOf): boolean =>
  principal.kind === 'party-member' && partyKindOf(principal.partyId) === 'fund';
