import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type GlobalPosition } from '@samen/event-store';
import { appendAll, SEED_POOL, syntheticHistory } from '@samen/synthetic';
import { toLedgerFact } from '../core/to-ledger-fact';
import { replay, VIEWS_VERSION } from '../ledger-views';
import { ViewRunner } from './view-runner';
import { ViewStateStore } from './view-state-store';

/** The runner with a real store file: views built from scratch on two lanes, then followed live. */
describe('the view runner on a long log', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let runner: ViewRunner | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-runner-'));
    file = join(dir, 'ledger.db');
    store = new SqliteEventStore({ file });
    await appendAll(store, syntheticHistory({ events: 3_000, seed: 5 }), SEED_POOL);
  });
  afterEach(async () => {
    await runner?.onModuleDestroy();
    runner = undefined;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startRunner = (from: bigint) => {
    runner = new ViewRunner(store, new ViewStateStore(join(dir, 'views.db'), VIEWS_VERSION), {
      settings: { kind: 'embedded', file },
      from,
    });
    runner.onApplicationBootstrap();
    return runner;
  };

  it('builds the views on two lanes, shows them whole, and then follows new facts', async () => {
    const views = startRunner(1n);
    // Until the lanes are done the views stay as they were: empty, at no position.
    expect(views.status().position).toBeUndefined();
    await views.caughtUpTo(3_000n, 20_000);
    expect(views.peek((v) => v)).toEqual(replay(await factsOf(store)));

    const { position } = await store.append(
      'party-nieuw',
      [
        {
          type: 'PartyRegistered',
          data: { partyId: 'nieuw', kind: 'fund', name: 'Fonds Nieuw' },
          metadata: { occurredAt: '2024-06-01T10:00:00Z' },
        },
      ],
      'no_stream',
    );
    await views.caughtUpTo(position, 5_000);
    expect(views.peek((v) => v.directory.parties.get('nieuw')?.name)).toBe('Fonds Nieuw');
    expect(views.peek((v) => v)).toEqual(replay(await factsOf(store)));
  });

  it('follows the log in this thread alone when the log is shorter than the lanes are worth', async () => {
    const views = startRunner(3_001n);
    await views.caughtUpTo(3_000n, 20_000);
    expect(views.peek((v) => v)).toEqual(replay(await factsOf(store)));
  });
});

async function factsOf(store: SqliteEventStore): Promise<ReturnType<typeof toLedgerFact>[]> {
  const facts = [];
  for (let after: GlobalPosition | undefined; ;) {
    const page = await store.readAll({ after, maxCount: 1_000 });
    if (page.length === 0) return facts;
    facts.push(...page.map(toLedgerFact));
    after = page[page.length - 1].position;
  }
}
