import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { EVENT_STORE, projectionEventOf, type EventStore, type RecordedEvent } from '@samen/event-store';
import { toLedgerFact } from '../core/to-ledger-fact';
import { applyToViews, emptyViews, type LedgerViews } from '../ledger-views';
import { catchUp } from './catch-up';
import { FinishedAnswer } from './finished-answer';
import { ViewStateStore } from './view-state-store';
import { ViewsBehindError } from './views-behind.error';

export const VIEW_STATE_STORE = Symbol('ViewStateStore');
export const VIEW_LANES = Symbol('ViewLanes');

/** When and how views built from scratch use a second core (see catch-up.ts). */
export interface ViewLanes {
  /** The embedded log's file, which a second thread opens once more. */
  readonly file: string;
  /**
   * The least facts in the log for which a second lane is worth starting: the head's
   * position, in a store whose positions count facts (the embedded one).
   */
  readonly from: bigint;
}

/**
 * How often changed views are saved: a crash redoes at most this much of the log. Saving is
 * a synchronous serialisation of every view (about 10 s for the views of 1,000,000 events,
 * docs/benchmarks.md), so it is rare; shutdown saves too.
 */
const SAVE_INTERVAL_MS = 10 * 60_000;
/** Answers kept per log position; questions repeat far more than the log moves. */
const CACHE_ENTRIES = 500;
/**
 * Bytes of finished answers kept: one unfiltered answer about a long log can be tens of
 * megabytes, and a few hundred of them must not grow the process past its memory budget.
 * Counted uncompressed; a gzipped copy, made when asked for, adds a tenth or less.
 */
const CACHE_BYTES = 64 * 2 ** 20;
/** Answers kept as data (see `remembered`). */
const DATA_ENTRIES = 100;

export interface ViewStatus {
  /** The last position applied, or null before the first fact. */
  readonly position: bigint | undefined;
  readonly failed?: string;
}

/**
 * Keeps the views up to date: from the saved checkpoint it follows the log (catch-up, then
 * live), applies each fact to every view, and saves state and checkpoint together.
 */
@Injectable()
export class ViewRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Views');
  private views: LedgerViews = emptyViews();
  private position: bigint | undefined;
  private savedPosition: bigint | undefined;
  private failed?: string;
  private readonly stopping = new AbortController();
  private started?: Promise<void>;
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private cache = new Map<string, FinishedAnswer>();
  private cachedBytes = 0;
  private cachedAt: bigint | undefined;
  private readonly data = new Map<string, unknown>();
  private dataAt: bigint | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VIEW_STATE_STORE) private readonly states: ViewStateStore,
    @Optional() @Inject(VIEW_LANES) private readonly lanes?: ViewLanes,
  ) {}

  onApplicationBootstrap(): void {
    const saved = this.states.load();
    if (saved) {
      this.views = saved.views;
      this.position = this.savedPosition = saved.position;
    }
    this.logger.log(
      saved ? `Views resume after position ${saved.position}` : 'Views are built from the start of the log',
    );
    this.started = this.start().catch((error: Error) => this.fail(error));
    this.timer = setInterval(() => this.save(), SAVE_INTERVAL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort(new Error('The views are stopping'));
    this.subscription?.unsubscribe();
    clearInterval(this.timer);
    await this.started;
    this.save();
    this.states.close();
  }

  status(): ViewStatus {
    return { position: this.position, ...(this.failed && { failed: this.failed }) };
  }

  /**
   * Answers a question from the current views as the bytes to send, remembering them until
   * the next fact arrives: encoding a large answer again for every request would cost more
   * than answering it. Queries are synchronous, so no fact is applied halfway through one.
   */
  read(
    key: string,
    query: (views: LedgerViews, position: bigint | undefined) => { body: string; headers?: Record<string, string> },
  ): { position: bigint | undefined; answer: FinishedAnswer } {
    if (this.cachedAt !== this.position) {
      this.cache.clear();
      this.cachedBytes = 0;
      this.cachedAt = this.position;
    }
    let answer = this.cache.get(key);
    if (!answer) {
      const { body, headers = {} } = query(this.views, this.position);
      answer = new FinishedAnswer(Buffer.from(body), headers);
      this.remember(key, answer);
    }
    return { position: this.position, answer };
  }

  /** Resolves once the views include `position`; after `timeoutMs` a {@link ViewsBehindError}. */
  async caughtUpTo(position: bigint, timeoutMs: number): Promise<void> {
    if (this.position !== undefined && this.position >= position) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        this.waiters.push({ position, resolve });
        timer = setTimeout(() => reject(new ViewsBehindError(position, this.position, timeoutMs)), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * An answer as data, remembered until the next fact arrives, for callers that draw it
   * themselves (the web pages ask the same questions as the API, and a long log makes some
   * of them take a second). Bounded by count; an answer of the whole national log can be
   * large, so only the newest {@link DATA_ENTRIES} are kept.
   */
  remembered<T>(key: string, compute: (views: LedgerViews) => T): T {
    if (this.dataAt !== this.position) {
      this.data.clear();
      this.dataAt = this.position;
    }
    if (this.data.has(key)) return this.data.get(key) as T;
    const answer = compute(this.views);
    if (this.data.size >= DATA_ENTRIES) this.data.delete(this.data.keys().next().value as string);
    this.data.set(key, answer);
    return answer;
  }

  /** Asks the current views something small, without remembering it. */
  peek<T>(query: (views: LedgerViews) => T): T {
    return query(this.views);
  }

  /**
   * Keeps an answer, forgetting the oldest ones while there are too many or too many bytes.
   * One answer may take half the budget: an unfiltered answer about the whole long log
   * (tens of MB) larger than that is computed again when asked again.
   */
  private remember(key: string, answer: FinishedAnswer): void {
    const size = answer.body.length;
    if (size > CACHE_BYTES / 2) return;
    while (this.cache.size >= CACHE_ENTRIES || this.cachedBytes + size > CACHE_BYTES) {
      const [oldest, { body }] = this.cache.entries().next().value as [string, FinishedAnswer];
      this.cache.delete(oldest);
      this.cachedBytes -= body.length;
    }
    this.cache.set(key, answer);
    this.cachedBytes += size;
  }

  /**
   * Views built from scratch on a long log are built on two cores up to the head, and shown
   * only once whole; then, as always, the log is followed from where the views are. Should
   * that fail, the log is followed from the start in this thread alone.
   */
  private async start(): Promise<void> {
    const lanes = this.position === undefined ? this.lanes : undefined;
    const head = lanes ? await this.store.headPosition() : undefined;
    if (lanes && head !== undefined && head >= lanes.from) {
      const started = performance.now();
      const views = emptyViews();
      try {
        await catchUp({
          store: this.store,
          file: lanes.file,
          views,
          after: undefined,
          upTo: head,
          signal: this.stopping.signal,
        });
        this.views = views;
        this.advanceTo(head);
        const seconds = (performance.now() - started) / 1000;
        this.logger.log(`Views built from ${head} facts in ${seconds.toFixed(1)} s`);
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        this.logger.warn(`Views are built in one thread: building on two failed (${(error as Error).message})`);
      }
    }
    if (this.stopping.signal.aborted) return;
    this.subscription = this.store.subscribeToAll({ after: this.position }).subscribe({
      next: (event) => this.apply(event),
      error: (error: Error) => this.fail(error),
    });
  }

  private fail(error: Error): void {
    this.failed = error.message;
    this.logger.error(`Views stopped at position ${this.position ?? 'none'}: ${error.stack ?? error.message}`);
  }

  private apply(event: RecordedEvent): void {
    applyToViews(this.views, toLedgerFact(projectionEventOf(event)));
    this.advanceTo(event.position);
  }

  private advanceTo(position: bigint): void {
    this.position = position;
    if (this.waiters.length > 0) {
      const [done, waiting] = partition(this.waiters, (w) => w.position <= position);
      this.waiters = waiting;
      for (const waiter of done) waiter.resolve();
    }
  }

  private save(): void {
    if (this.position === undefined || this.position === this.savedPosition || this.failed) return;
    const started = performance.now();
    this.states.save(this.position, this.views);
    this.savedPosition = this.position;
    this.logger.debug(`Views saved at position ${this.position} in ${Math.round(performance.now() - started)} ms`);
  }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}
