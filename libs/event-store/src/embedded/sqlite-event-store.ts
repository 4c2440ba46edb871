import type Database from 'better-sqlite3';
import { hash as sha256 } from 'node:crypto';
import type { Observable } from 'rxjs';
import { type AppendLimits, DEFAULT_APPEND_LIMITS, matchesExpectedRevision } from '../append-validation';
import type {
  AppendResult,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ProjectionEvent,
  RecordedEvent,
} from '../envelope';
import { StoreClosedError, WrongExpectedRevisionError } from '../errors';
import type {
  EventStore,
  ProjectionReadOptions,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../event-store.port';
import { canonicalEvent, chainHash, GENESIS_HASH } from '../integrity/chain-hash';
import { type ChainVerification, ChainWalk, type VerifyChainOptions } from '../integrity/verify-chain';
import { CANONICAL_EVENT_SQL_PARTS, openLedgerDatabase } from './sqlite-schema';
import { pagedSubscription } from '../paged-subscription';
import { type PendingAppend as QueuedAppend, queueAppend } from '../queued-append';
import {
  COLUMNS,
  PROJECTION_COLUMNS,
  type ProjectionRow,
  type Row,
  toProjectionEvent,
  toRecordedEvent,
} from '../stored-rows';
import { WalDurability } from './wal-durability';

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ":memory:" for a throw-away store. */
  readonly file: string;
  readonly limits?: AppendLimits;
  /** Events a subscription reads at a time; bounds its memory. */
  readonly subscriptionPageSize?: number;
  /** How often a waiting subscription looks for commits made by other processes. */
  readonly foreignWritePollMs?: number;
  /** Events chain verification reads between two turns of the event loop. */
  readonly verifyPageSize?: number;
}

/** A queued append and, once its group's transaction has run, what became of it. */
interface PendingAppend extends QueuedAppend {
  outcome?: { ok: true; result: AppendResult } | { ok: false; error: unknown };
}

/** A row as chain verification reads it: position, hash, and `previous_hash || canonical form`. */
type ChainRow = [number, string, string];
/** The newest event, as the next append needs it: position, recorded_at, hash. */
type Tail = [number, string, string];

/** Where the chain stands inside a write transaction: the newest event's position and hash. */
interface ChainHead {
  position: number;
  hash: string;
}

/**
 * The default event store: one SQLite file through better-sqlite3, in WAL mode.
 *
 * Appends that arrive in the same turn of the event loop are written together in one
 * transaction, each with its own expected-revision check and outcome. Transactions commit
 * without an fsync; {@link WalDurability} then flushes the WAL on the thread pool, one
 * fdatasync for every commit made meanwhile (group commit), and a promise resolves only
 * once its events are on disk. Until then readers of the log (readAll, subscriptions,
 * headPosition) do not see them; command handlers reading a stream do.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'embedded';
  private readonly db: Database.Database;
  /** Undefined for an in-memory store, which has nothing to make durable. */
  private readonly durability: WalDurability | undefined;
  private readonly limits: AppendLimits;
  private readonly pageSize: number;
  private readonly pollMs: number;
  private readonly verifyPageSize: number;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly waiters = new Set<() => void>();
  private pollTimer: NodeJS.Timeout | undefined;
  private lastDataVersion = 0;

  private readonly statements: {
    currentRevision: Database.Statement<[string], number>;
    tail: Database.Statement<[], Tail>;
    insert: Database.Statement<unknown[]>;
    readWhole: Database.Statement<[string], Row>;
    readForwards: Database.Statement<[string, number], Row>;
    readBackwards: Database.Statement<[string, number], Row>;
    readAll: Database.Statement<[number, number], Row>;
    readAllForProjection: Database.Statement<[number, number], ProjectionRow>;
    readTypesForProjection: Database.Statement<[number, number, string, number], ProjectionRow>;
    head: Database.Statement<[], number | null>;
    chainPage: Database.Statement<[number, number, number], ChainRow>;
  };
  private readonly commitGroup: Database.Transaction<(group: PendingAppend[]) => void>;

  constructor(options: SqliteEventStoreOptions) {
    this.db = openLedgerDatabase(options.file);
    this.durability = options.file === ':memory:' ? undefined : new WalDurability(options.file);
    this.limits = options.limits ?? DEFAULT_APPEND_LIMITS;
    this.pageSize = options.subscriptionPageSize ?? 512;
    this.pollMs = options.foreignWritePollMs ?? 200;
    this.verifyPageSize = options.verifyPageSize ?? 4096;
    const db = this.db;
    this.statements = {
      currentRevision: db
        .prepare<[string], number>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
        .pluck(),
      tail: db.prepare<[], Tail>('SELECT position, recorded_at, hash FROM events ORDER BY position DESC LIMIT 1').raw(),
      // The position is given, not left to SQLite: it is part of what the hash covers.
      insert: db.prepare(
        `INSERT INTO events (position, stream, revision, id, type, schema_version, data, occurred_at, correlation_id, causation_id, actor, recorded_at, previous_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // The common case, a whole stream, as the cheapest query SQLite can answer from the index.
      readWhole: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision`).raw(),
      // No LIMIT parameter: SQLite answers a bound LIMIT several times slower than it walks
      // the index and stops (measured: 40 µs against 15 µs for one event).
      readForwards: db
        .prepare<[string, number], Row>(
          `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision`,
        )
        .raw(),
      readBackwards: db
        .prepare<[string, number], Row>(
          `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC`,
        )
        .raw(),
      // Positions are gap-free, so a page is a range of positions: no LIMIT needed.
      readAll: db
        .prepare<[number, number], Row>(
          `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`,
        )
        .raw(),
      readAllForProjection: db
        .prepare<[number, number], ProjectionRow>(
          `SELECT ${PROJECTION_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position`,
        )
        .raw(),
      // The types as one JSON list: one statement serves any set of them.
      readTypesForProjection: db
        .prepare<[number, number, string, number], ProjectionRow>(
          `SELECT ${PROJECTION_COLUMNS} FROM events WHERE position > ? AND position <= ?
           AND type IN (SELECT value FROM json_each(?)) ORDER BY position LIMIT ?`,
        )
        .raw(),
      head: db.prepare<[], number | null>('SELECT max(position) FROM events').pluck(),
      // SQLite writes each event's hash input as one string: one value to convert per event
      // instead of twelve, and nothing for JavaScript to assemble or parse.
      // Pages follow the stored positions (LIMIT, not a range), so that a row an attacker put
      // far beyond the head or below 1 is reached at once rather than after empty pages.
      chainPage: db
        .prepare<[number, number, number], ChainRow>(
          `SELECT position, hash, concat(previous_hash, ${CANONICAL_EVENT_SQL_PARTS}) FROM events
           WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
        )
        .raw(),
    };
    const appendOne = db.transaction((append: PendingAppend, recordedAt: string, chain: ChainHead) =>
      this.appendInTransaction(append, recordedAt, chain),
    );
    this.commitGroup = db.transaction((group: PendingAppend[]) => {
      // Read under the write lock, so the chain continues from the newest event whichever
      // process wrote it (several processes may write one file).
      const tail = this.statements.tail.get();
      const recordedAt = monotonicNow(tail?.[1]);
      const chain: ChainHead = { position: tail?.[0] ?? 0, hash: tail?.[2] ?? GENESIS_HASH };
      for (const append of group) {
        try {
          append.outcome = { ok: true, result: appendOne(append, recordedAt, chain) };
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          append.outcome = { ok: false, error };
        }
      }
    });
  }

  append(streamName: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const request = { streamName, events, expected: expectedRevision };
    return queueAppend(request, { closed: this.closed, limits: this.limits }, (append) => {
      this.pending.push(append);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { direction, fromRevision, maxCount } = options;
    if (direction !== 'backwards' && !fromRevision && maxCount === undefined) {
      return this.statements.readWhole.all(streamName).map(toRecordedEvent);
    }
    const rows =
      direction === 'backwards'
        ? this.statements.readBackwards.iterate(streamName, fromRevision ?? Number.MAX_SAFE_INTEGER)
        : this.statements.readForwards.iterate(streamName, fromRevision ?? 0);
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (events.length === (maxCount ?? Number.MAX_SAFE_INTEGER)) break;
      events.push(toRecordedEvent(row));
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readPage(options.after, options.maxCount ?? this.pageSize);
  }

  async readAllForProjection({ after, upTo, maxCount, types }: ProjectionReadOptions = {}): Promise<ProjectionEvent[]> {
    this.assertOpen();
    const count = maxCount ?? this.pageSize;
    // Of some types, the page may reach far beyond `count` positions: it is bounded by the log.
    const [from, to] = this.pageBounds(after, types === undefined ? count : Number.MAX_SAFE_INTEGER);
    const last = upTo === undefined ? to : Math.min(to, Number(upTo));
    const rows =
      types === undefined
        ? this.statements.readAllForProjection.all(from, last)
        : this.statements.readTypesForProjection.all(from, last, JSON.stringify(types), count);
    return rows.map(toProjectionEvent);
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    this.assertOpen();
    const unsynced = this.durability?.unsyncedFrom;
    const head = unsynced !== undefined ? unsynced - 1 : this.statements.head.get();
    return head === null || head === undefined || head === 0 ? undefined : BigInt(head);
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return pagedSubscription({
      after: options.after,
      readPage: (after) => (this.closed ? undefined : this.readPage(after, this.pageSize)),
      pageSize: this.pageSize,
      waitForAppend: () => this.waitForAppend(),
    });
  }

  /**
   * Walks the chain over the durable log (ADR 0006), `verifyPageSize` events per turn of the
   * event loop. The canonical form is assembled by SQLite from the stored text as it is and
   * nothing is parsed, so it runs at about the speed of reading the rows plus SHA-256.
   */
  async verifyChain(options: VerifyChainOptions = {}): Promise<ChainVerification> {
    this.assertOpen();
    const unsynced = this.durability?.unsyncedFrom;
    const head = (unsynced !== undefined ? unsynced - 1 : this.statements.head.get()) ?? 0;
    const walk = new ChainWalk(options.expectHead);
    // From -Infinity: positions below 1 are never assigned, and one found there was inserted.
    for (let after = -Infinity; ;) {
      // all() rather than iterate(): one call into SQLite per page, not one per row.
      const page = this.statements.chainPage.all(after, head, this.verifyPageSize);
      for (const [position, hash, input] of page) {
        const broken = walk.next(position, input.slice(0, 64), hash, sha256('sha256', input, 'hex'));
        if (broken) return broken;
      }
      if (page.length < this.verifyPageSize) return walk.finish();
      after = page[page.length - 1][0];
      await new Promise((resolve) => setImmediate(resolve));
      this.assertOpen();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    await this.durability?.drain();
    clearInterval(this.pollTimer);
    this.wakeWaiters();
    this.durability?.close();
    this.db.close();
  }

  private readPage(after: GlobalPosition | undefined, maxCount: number): RecordedEvent[] {
    return this.statements.readAll.all(...this.pageBounds(after, maxCount)).map(toRecordedEvent);
  }

  /** The positions of a page of the durable log: events still waiting for their fdatasync are not shown. */
  private pageBounds(after: GlobalPosition | undefined, maxCount: number): [number, number] {
    const from = after === undefined ? 0 : Number(after);
    const durableUpTo = (this.durability?.unsyncedFrom ?? Number.MAX_SAFE_INTEGER) - 1;
    return [from, Math.min(from + maxCount, durableUpTo)];
  }

  private flush(): void {
    this.flushScheduled = false;
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    try {
      this.commitGroup.immediate(group);
    } catch (error) {
      // The transaction rolled back as a whole: nothing of this group was written.
      for (const append of group) append.reject(error);
      return;
    }
    const written: { append: PendingAppend; result: AppendResult }[] = [];
    for (const append of group) {
      const outcome = append.outcome!;
      if (outcome.ok) written.push({ append, result: outcome.result });
      else append.reject(outcome.error);
    }
    if (written.length === 0) return;
    const acknowledge = () => {
      for (const { append, result } of written) append.resolve(result);
      this.wakeWaiters();
    };
    if (!this.durability) return acknowledge();
    const firstPosition = Math.min(
      ...written.map(({ result, append }) => Number(result.position) - append.events.length + 1),
    );
    this.durability.afterCommit(firstPosition, acknowledge, (error) => {
      for (const { append } of written) append.reject(error);
    });
  }

  /** Writes one append's events, each chained to the one before; moves `chain` on once all are written. */
  private appendInTransaction(append: PendingAppend, recordedAt: string, chain: ChainHead): AppendResult {
    const current = this.statements.currentRevision.get(append.streamName);
    if (!matchesExpectedRevision(append.expected, current)) {
      throw new WrongExpectedRevisionError(append.streamName, append.expected, current);
    }
    let revision = current ?? -1;
    let { position, hash } = chain;
    for (const event of append.events) {
      revision += 1;
      position += 1;
      const { occurredAt, correlationId, causationId, actor } = event.metadata;
      const previousHash = hash;
      hash = chainHash(
        previousHash,
        canonicalEvent({
          position,
          streamName: append.streamName,
          revision,
          id: event.id,
          type: event.type,
          schemaVersion: event.schemaVersion,
          dataJson: event.dataJson,
          metadata: event.metadata,
          recordedAt,
        }),
      );
      this.statements.insert.run(
        position,
        append.streamName,
        revision,
        event.id,
        event.type,
        event.schemaVersion,
        event.dataJson,
        occurredAt,
        correlationId ?? null,
        causationId ?? null,
        actor ?? null,
        recordedAt,
        previousHash,
        hash,
      );
    }
    chain.position = position;
    chain.hash = hash;
    return { nextExpectedRevision: revision, position: BigInt(position) };
  }

  private waitForAppend(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.add(resolve);
      this.pollTimer ??= setInterval(() => this.pollForeignWrites(), this.pollMs).unref();
    });
  }

  /** Commits by another process (a CLI import, say) do not pass through flush(). */
  private pollForeignWrites(): void {
    if (this.closed) return;
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.lastDataVersion) {
      this.lastDataVersion = version;
      this.wakeWaiters();
    }
  }

  private wakeWaiters(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    for (const wake of waiting) wake();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

/** Recorded times never go backwards along the log, even when the wall clock does. */
function monotonicNow(lastRecordedAt: string | undefined): string {
  const now = new Date().toISOString();
  return lastRecordedAt !== undefined && lastRecordedAt > now ? lastRecordedAt : now;
}
