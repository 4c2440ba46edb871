import { projectionEventOf, type EventStore, type GlobalPosition } from '@samen/event-store';
import type { LedgerFact } from '../core/ledger-fact';
import { toLedgerFact } from '../core/to-ledger-fact';

/**
 * Every fact in a store, read as whole events (the live path's way, not a rebuild's), for
 * tests to replay and compare a rebuild with.
 */
export async function factsOf(store: EventStore): Promise<LedgerFact[]> {
  const facts: LedgerFact[] = [];
  for (let after: GlobalPosition | undefined; ;) {
    const page = await store.readAll({ after, maxCount: 1_000 });
    if (page.length === 0) return facts;
    facts.push(...page.map((event) => toLedgerFact(projectionEventOf(event))));
    after = page[page.length - 1].position;
  }
}
