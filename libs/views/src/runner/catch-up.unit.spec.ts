import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type GlobalPosition } from '@samen/event-store';
import { appendAll, SEED_POOL, syntheticHistory } from '@samen/synthetic';
import { factsOf } from '../testing/facts-of';
import { viewsContent } from '../testing/view-content';
import { emptyViews, replay, VIEW_PROJECTIONS, type LedgerViews, type ViewName } from '../ledger-views';
import { applyLog } from './apply-log';
import { catchUp } from './catch-up';

/**
 * A rebuild on two lanes (a worker thread with its own connection), and one reading only the
 * fact types its views declare, must give exactly the views of applying every fact in order.
 * The synthetic history has every fact type, late recording and turnover.
 */
describe('catching the views up with the log', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let head: GlobalPosition;
  let replayed: LedgerViews;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-catch-up-'));
    file = join(dir, 'ledger.db');
    store = new SqliteEventStore({ file });
    await appendAll(store, syntheticHistory({ events: 6_000, seed: 11 }), SEED_POOL);
    head = (await store.headPosition())!;
    replayed = replay(await factsOf(store));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every fact type in the story it checks against', () => {
    expect(head).toBe(6_000n);
    expect(new Set(replayedTypes(replayed)).size).toBe(22);
  });

  it.each(Object.keys(VIEW_PROJECTIONS) as ViewName[])(
    'builds %s from only the fact types it declares, as replaying every fact does',
    async (name) => {
      const views = emptyViews();
      await applyLog(store, views, [name], undefined, head);
      expect(views[name]).toEqual(replayed[name]);
    },
  );

  it('builds every view on two lanes as replaying every fact does (the timeline in two parts, merged)', async () => {
    const views = emptyViews();
    await catchUp({ store, file, views, after: undefined, upTo: head });
    expect(viewsContent(views)).toEqual(viewsContent(replayed));
  });

  it('continues a timeline built in parts as one built in order', async () => {
    const views = emptyViews();
    await catchUp({ store, file, views, after: undefined, upTo: 4_000n });
    await catchUp({ store, file, views, after: 4_000n, upTo: head });
    expect(viewsContent(views)).toEqual(viewsContent(replayed));
  });

  it('continues from a checkpoint on two lanes to the same views', async () => {
    const views = emptyViews();
    await applyLog(store, views, Object.keys(VIEW_PROJECTIONS) as ViewName[], undefined, 2_500n);
    await catchUp({ store, file, views, after: 2_500n, upTo: head });
    expect(views).toEqual(replayed);
  });

  it('stops when aborted, with the reason given, and ends the second lane', async () => {
    const abort = new AbortController();
    const building = catchUp({
      store,
      file,
      views: emptyViews(),
      after: undefined,
      upTo: head,
      signal: abort.signal,
    });
    abort.abort(new Error('stopping'));
    await expect(building).rejects.toThrow('stopping');
  });

  it('fails, with the second lane’s reason, when that lane finds a shorter log', async () => {
    const views = emptyViews();
    const elsewhere = join(dir, 'elsewhere', 'ledger.db');
    await expect(catchUp({ store, file: elsewhere, views, after: undefined, upTo: head })).rejects.toThrow(
      'The log ends at its start, before position 6000',
    );
  });
});

function replayedTypes(views: LedgerViews): number[] {
  return Array.from(views.timeline.type.subarray(0, views.timeline.count));
}
