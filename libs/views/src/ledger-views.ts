import type { LedgerFact } from './core/ledger-fact';
import type { Projection } from './core/projection';
import { commitmentsProjection } from './commitments/commitments.projection';
import { continuityProjection } from './continuity/continuity.projection';
import { directoryProjection } from './directory/directory.projection';
import { moneyProjection } from './money/money.projection';
import { presenceProjection } from './presence/presence.projection';
import { reflectionsProjection } from './reflections/reflections.projection';
import { timelineProjection } from './timeline/timeline.projection';

/**
 * Every view the ledger keeps, applied together in one pass over the log with one
 * checkpoint: a rebuild reads the log once, and the views always agree on how far they are.
 */
export const VIEW_PROJECTIONS = {
  directory: directoryProjection,
  presence: presenceProjection,
  commitments: commitmentsProjection,
  money: moneyProjection,
  continuity: continuityProjection,
  timeline: timelineProjection,
  reflections: reflectionsProjection,
} as const;

/**
 * Saved views made by other projection code are rebuilt rather than loaded: raise this with
 * every change to what a projection keeps or how it applies a fact.
 */
export const VIEWS_VERSION = `8:${Object.keys(VIEW_PROJECTIONS).join(',')}`;

type StatesOf<P> = { -readonly [K in keyof P]: P[K] extends Projection<infer S> ? S : never };
export type LedgerViews = StatesOf<typeof VIEW_PROJECTIONS>;
export type ViewName = keyof LedgerViews;

const ENTRIES = Object.entries(VIEW_PROJECTIONS) as [keyof LedgerViews, Projection<unknown>][];

export function emptyViews(): LedgerViews {
  return Object.fromEntries(ENTRIES.map(([key, projection]) => [key, projection.initialState()])) as LedgerViews;
}

export function applyToViews(views: LedgerViews, fact: LedgerFact): void {
  for (const [key, projection] of ENTRIES) projection.apply(views[key], fact);
}

/** Folds facts into fresh views: what a rebuild does, and what the tests compare it with. */
export function replay(facts: Iterable<LedgerFact>): LedgerViews {
  const views = emptyViews();
  for (const fact of facts) applyToViews(views, fact);
  return views;
}
