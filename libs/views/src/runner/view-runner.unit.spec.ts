import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@samen/event-store';
import { appendAll, SEED_POOL, syntheticHistory } from '@samen/synthetic';
import { replay, VIEWS_VERSION } from '../ledger-views';
import { factsOf } from '../testing/facts-of';
import { viewsContent } from '../testing/view-content';
import { ViewRunner } from './view-runner';
import { ViewStateStore } from './view-state-store';

/**
 * The runner with a real store file: views built from scratch on two lanes (a worker thread
 * with its own connection), shown only once whole, then followed live.
 */
describe('the view runner on a long log', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let runner: ViewRunner | undefined;
  let warnings: jest.SpyInstance;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-runner-'));
    file = join(dir, 'ledger.db');
    store = new SqliteEventStore({ file });
    await appendAll(store, syntheticHistory({ events: 3_000, seed: 5 }), SEED_POOL);
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await runner?.onModuleDestroy();
    runner = undefined;
    warnings.mockRestore();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const savedViews = () => join(dir, 'views.db');
  const startRunner = (from: bigint, options: { laneFile?: string; store?: EventStore } = {}) => {
    runner = new ViewRunner(options.store ?? store, new ViewStateStore(savedViews(), VIEWS_VERSION), {
      file: options.laneFile ?? file,
      from,
    });
    runner.onApplicationBootstrap();
    return runner;
  };

  it('shows the views only once both lanes are done, then follows new facts', async () => {
    const paused = pausedAfterFirstPage(store);
    const views = startRunner(1n, { store: paused.store });
    await paused.firstPageRead;
    // One lane has applied a page; what is shown is still the empty start.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(views.status().position).toBeUndefined();
    expect(views.peek((v) => v.directory.parties.size)).toBe(0);

    paused.resume();
    await views.caughtUpTo(3_000n, 20_000);
    expect(views.peek(viewsContent)).toEqual(viewsContent(replay(await factsOf(store))));
    expect(warnings).not.toHaveBeenCalled();

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
    expect(views.peek(viewsContent)).toEqual(viewsContent(replay(await factsOf(store))));
  });

  it('builds in one thread, and says why, when the second lane fails', async () => {
    // The second lane's connection finds another (empty) log: it fails, and nothing of it is used.
    const views = startRunner(1n, { laneFile: join(dir, 'elsewhere', 'ledger.db') });
    await views.caughtUpTo(3_000n, 20_000);
    expect(views.peek(viewsContent)).toEqual(viewsContent(replay(await factsOf(store))));
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining('The log ends at its start, before position 3000'));
  });

  it('starts no second lane for a log shorter than the threshold', async () => {
    // The same broken second lane: unused, so nothing fails.
    const views = startRunner(3_001n, { laneFile: join(dir, 'elsewhere', 'ledger.db') });
    await views.caughtUpTo(3_000n, 20_000);
    expect(views.peek(viewsContent)).toEqual(viewsContent(replay(await factsOf(store))));
    expect(warnings).not.toHaveBeenCalled();
  });

  it('stops mid-build without showing or saving half-built views', async () => {
    const paused = pausedAfterFirstPage(store);
    const views = startRunner(1n, { store: paused.store });
    await paused.firstPageRead;
    const stopped = views.onModuleDestroy();
    runner = undefined;
    paused.resume();
    await stopped;
    expect(views.status().position).toBeUndefined();
    const saved = new ViewStateStore(savedViews(), VIEWS_VERSION);
    expect(saved.load()).toBeUndefined();
    saved.close();
  });
});

/** The store, with the views' reads held after the first page until `resume()`. */
function pausedAfterFirstPage(store: SqliteEventStore) {
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  let firstPage!: () => void;
  const firstPageRead = new Promise<void>((resolve) => (firstPage = resolve));
  let pages = 0;
  const paused = new Proxy(store, {
    get(target, property) {
      if (property === 'readAllForProjection') {
        return async (...args: Parameters<EventStore['readAllForProjection']>) => {
          pages += 1;
          if (pages === 1) firstPage();
          else await resumed;
          return target.readAllForProjection(...args);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: paused, firstPageRead, resume };
}
