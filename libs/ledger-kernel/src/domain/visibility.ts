import type { Lift } from '../events/upcasting';

/** Who may read a fact's text, chosen when it is recorded; a change is a later fact. */
export const VISIBILITY_KINDS = ['shared', 'parties', 'initiatives', 'funders-aggregate'] as const;
export type VisibilityKind = (typeof VISIBILITY_KINDS)[number];

export type Visibility =
  /** Everyone in the programme: the default, and what every fact recorded before visibility existed means. */
  | { readonly kind: 'shared' }
  /** The named parties (and the programme team). */
  | { readonly kind: 'parties'; readonly partyIds: readonly string[] }
  /** The initiatives (and the programme team). */
  | { readonly kind: 'initiatives' }
  /** Everyone in the programme but the funds, who count such facts without reading them. */
  | { readonly kind: 'funders-aggregate' };

export const SHARED: Visibility = Object.freeze({ kind: 'shared' });

/** A visibility as it is stored, field by field: nothing else a body carried reaches the log. */
export function storedVisibility(visibility: Visibility | undefined): Visibility {
  if (visibility === undefined) return { kind: 'shared' };
  return visibility.kind === 'parties'
    ? { kind: 'parties', partyIds: [...new Set(visibility.partyIds)] }
    : { kind: visibility.kind };
}

/** The parties a visibility names, whose existence a command must check. */
export const partiesNamedBy = (visibility: Visibility | undefined): readonly string[] =>
  visibility?.kind === 'parties' ? visibility.partyIds : [];

/** Lifts a fact stored before it had a visibility: it was recorded for the whole programme. */
export const withSharedVisibility: Lift = (data) => ({ ...data, visibility: { kind: 'shared' } });
