import type { QueryConfig } from 'pg';
import type { Observable } from 'rxjs';
import { type AppendLimits, DEFAULT_APPEND_LIMITS } from '../append-validation';
import type {
  AppendResult,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ProjectionEvent,
  RecordedEvent,
} from '../envelope';
import { EventStoreError, StoreClosedError, StoreUnreachableError } from '../errors';
import type {
  EventStore,
  ProjectionReadOptions,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from '../event-store.port';
import { canonicalEvent, chainHash } from '../integrity/chain-hash';
import { type ChainVerification, ChainWalk, type VerifyChainOptions } from '../integrity/verify-chain';
import { pagedSubscription } from '../paged-subscription';
import { type PendingAppend, queueAppend } from '../queued-append';
import {
  COLUMNS,
  PROJECTION_COLUMNS,
  type ProjectionRow,
  type Row,
  toProjectionEvent,
  toRecordedEvent,
} from '../stored-rows';
import { writeAppendGroup } from './append-transaction';
import { AppendWakeup } from './append-wakeup';
import { asUnreachable, checkOut } from './connection-failure';
import { LEDGER_SCHEMA, prepareLedgerSchema } from './postgres-schema';
import { ServerHosts } from './server-hosts';

export interface PostgresEventStoreOptions {
  /**
   * A `postgres://` or `postgresql://` connection string (libpq's form, as `pg` reads it).
   * It may name several hosts, `host1:5432,host2:5432`: the store uses the first that
   * accepts writes, and moves to another after a failover (as libpq's
   * `target_session_attrs=read-write`).
   */
  readonly connectionString: string;
  readonly limits?: AppendLimits;
  /** Events a readAll page or a subscription's page holds when the caller names no maximum. */
  readonly pageSize?: number;
  /** How often a waiting subscription reads the log when no notification woke it. */
  readonly pollMs?: number;
  /** Events chain verification reads per query. */
  readonly verifyPageSize?: number;
  /** Connections in the pool; appends use one at a time, reads the rest. */
  readonly poolSize?: number;
}

const NOTHING_WRITTEN = '; nothing was written';
const PERHAPS_WRITTEN =
  '; the append may or may not have been committed: read the stream, or retry it with the same command id';

/** At most this many events go into one transaction, however many appends wait. */
const MAX_GROUP_EVENTS = 10_000;
const MAX_POSITION = '9223372036854775807';
const MAX_REVISION = 2_147_483_647;

/** A row as chain verification reads it: position and previous hash, then the columns of {@link Row}. */
type ChainRow = [string, string, ...Row];

/**
 * The PostgreSQL adapter: the embedded store's guarantees on a server that several API
 * instances can share (ADR 0008).
 *
 * Appends of this process are queued and written one transaction at a time, each holding a
 * transaction-scoped advisory lock from reading the tail of the log to its commit; appends
 * that arrive while a transaction is in flight go together into the next one (group
 * commit). Positions are therefore gap-free (1, 2, 3, …) and become visible in order, in
 * this process and any other, and the tamper-evident chain is the embedded store's, so
 * `verifyChain` walks it the same way. A promise resolves once PostgreSQL has committed,
 * with `synchronous_commit` at least `on` (it is raised for the append where the server
 * has it off).
 *
 * Open it with {@link PostgresEventStore.open}, which creates or checks the schema first.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  private readonly connectionString: string;
  private readonly hosts: ServerHosts;
  private readonly wakeup: AppendWakeup;
  private readonly pollMs: number;
  private readonly limits: AppendLimits;
  private readonly pageSize: number;
  private readonly verifyPageSize: number;
  private forceSynchronousCommit = false;
  private pending: PendingAppend[] = [];
  private writer: Promise<void> | undefined;
  private closed = false;

  /** Connects, creates the schema in an empty database, and refuses one from a newer version. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.hosts.choose();
      await prepareLedgerSchema(store.pool);
      const { rows } = await store.pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      store.forceSynchronousCommit = rows[0].synchronous_commit === 'off';
    } catch (error) {
      await store.hosts.end();
      throw error instanceof EventStoreError ? error : asUnreachable(error, options.connectionString);
    }
    return store;
  }

  private constructor(options: PostgresEventStoreOptions) {
    this.connectionString = options.connectionString;
    this.pollMs = options.pollMs ?? 500;
    this.hosts = new ServerHosts(options.connectionString, options.poolSize ?? 10);
    this.wakeup = new AppendWakeup(() => this.hosts.newClient(), this.pollMs);
    this.limits = options.limits ?? DEFAULT_APPEND_LIMITS;
    this.pageSize = options.pageSize ?? 512;
    this.verifyPageSize = options.verifyPageSize ?? 4096;
  }

  append(streamName: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const request = { streamName, events, expected: expectedRevision };
    return queueAppend(request, { closed: this.closed, limits: this.limits }, (append) => {
      this.pending.push(append);
      this.writer ??= this.writeQueued();
    });
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { direction, fromRevision, maxCount } = options;
    const rows =
      direction === 'backwards'
        ? await this.rows<Row>(
            'read-stream-backwards',
            `SELECT ${COLUMNS} FROM ${LEDGER_SCHEMA}.events WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
            [streamName, fromRevision ?? MAX_REVISION, maxCount ?? null],
          )
        : await this.rows<Row>(
            'read-stream-forwards',
            `SELECT ${COLUMNS} FROM ${LEDGER_SCHEMA}.events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
            [streamName, fromRevision ?? 0, maxCount ?? null],
          );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readPage(options.after, options.maxCount ?? this.pageSize);
  }

  async readAllForProjection({ after, upTo, maxCount, types }: ProjectionReadOptions = {}): Promise<ProjectionEvent[]> {
    const bounds = [String(after ?? 0n), String(upTo ?? MAX_POSITION), maxCount ?? this.pageSize];
    const rows =
      types === undefined
        ? await this.rows<ProjectionRow>(
            'read-all-for-projection',
            `SELECT ${PROJECTION_COLUMNS} FROM ${LEDGER_SCHEMA}.events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
            bounds,
          )
        : await this.rows<ProjectionRow>(
            'read-types-for-projection',
            `SELECT ${PROJECTION_COLUMNS} FROM ${LEDGER_SCHEMA}.events WHERE position > $1 AND position <= $2
             AND type = ANY($4::text[]) ORDER BY position LIMIT $3`,
            [...bounds, types],
          );
    return rows.map(toProjectionEvent);
  }

  async headPosition(): Promise<GlobalPosition | undefined> {
    const [[head]] = await this.rows<[string | null]>('head', `SELECT max(position) FROM ${LEDGER_SCHEMA}.events`, []);
    return head === null ? undefined : BigInt(head);
  }

  subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    // The wake-up count when the last page was read: an append committed while it was being
    // read wakes the subscription at once instead of after the next poll.
    let seen = this.wakeup.current;
    return pagedSubscription({
      after: options.after,
      pageSize: this.pageSize,
      readPage: async (after) => {
        // While the server is away (a restart, a failover) the subscription waits and reads
        // again from where it was, rather than ending: nothing can be skipped or repeated.
        for (;;) {
          if (this.closed) return undefined;
          seen = this.wakeup.current;
          try {
            return await this.readPage(after, this.pageSize);
          } catch (error) {
            if (this.closed) return undefined;
            if (!(error instanceof StoreUnreachableError)) throw error;
            await new Promise((resolve) => setTimeout(resolve, this.pollMs));
          }
        }
      },
      waitForAppend: () => this.wakeup.after(seen),
    });
  }

  /**
   * Walks the chain (ADR 0006) up to the head as it was when verification started, one
   * page of `verifyPageSize` events per query, recomputing each hash from the stored text.
   */
  async verifyChain(options: VerifyChainOptions = {}): Promise<ChainVerification> {
    const head = (await this.headPosition()) ?? 0n;
    const walk = new ChainWalk(options.expectHead);
    // From the lowest bigint: positions below 1 are never assigned, and one found there was inserted.
    for (let after = '-9223372036854775808'; ;) {
      const page = await this.rows<ChainRow>(
        'chain-page',
        `SELECT position, previous_hash, ${COLUMNS} FROM ${LEDGER_SCHEMA}.events
         WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
        [after, String(head), this.verifyPageSize],
      );
      for (const [position, previousHash, ...row] of page) {
        const event = toRecordedEvent(row);
        const canonical = canonicalEvent({
          position: event.position,
          streamName: event.streamName,
          revision: event.revision,
          id: event.id,
          type: event.type,
          schemaVersion: event.schemaVersion,
          dataJson: row[6],
          metadata: event.metadata,
          recordedAt: event.recordedAt,
        });
        const broken = walk.next(Number(position), previousHash, event.hash!, chainHash(previousHash, canonical));
        if (broken) return broken;
      }
      if (page.length < this.verifyPageSize) return walk.finish();
      after = page[page.length - 1][0];
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends already queued are written: they were accepted before the store closed.
    await this.writer;
    await this.wakeup.close();
    await this.hosts.end();
  }

  /** The pool on the server in use (the one that accepts writes, where several are named). */
  private get pool() {
    return this.hosts.pool;
  }

  private readPage(after: GlobalPosition | undefined, maxCount: number): Promise<RecordedEvent[]> {
    return this.rows<Row>(
      'read-all',
      `SELECT ${COLUMNS} FROM ${LEDGER_SCHEMA}.events WHERE position > $1 ORDER BY position LIMIT $2`,
      [String(after ?? 0n), maxCount],
    ).then((rows) => rows.map(toRecordedEvent));
  }

  /** Rows as arrays, through a statement PostgreSQL prepares once per connection. */
  private async rows<R extends unknown[]>(name: string, text: string, values: unknown[]): Promise<R[]> {
    if (this.closed) throw new StoreClosedError();
    const query: QueryConfig & { rowMode: 'array' } = { name, text, values, rowMode: 'array' };
    try {
      return (await this.pool.query<R>(query)).rows;
    } catch (error) {
      this.hosts.failed(error);
      throw asUnreachable(error, this.connectionString);
    }
  }

  /** Writes the queue one transaction at a time until it is empty. */
  private async writeQueued(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.takeGroup();
      const client = await checkOut(this.pool).catch((error: unknown) => {
        this.hosts.failed(error);
        const failure = asUnreachable(error, this.connectionString, NOTHING_WRITTEN);
        for (const append of group) append.reject(failure);
        return undefined;
      });
      if (!client) continue;
      try {
        const outcomes = await writeAppendGroup(client, group, this.forceSynchronousCommit);
        client.release();
        outcomes.forEach((outcome, i) =>
          outcome.ok ? group[i].resolve(outcome.result) : group[i].reject(outcome.error),
        );
        if (outcomes.some((outcome) => outcome.ok)) this.wakeup.wake();
      } catch (error) {
        // The connection's state is unknown after a failure: it is closed rather than reused.
        client.release(true);
        this.hosts.failed(error);
        const failure = asUnreachable(error, this.connectionString, PERHAPS_WRITTEN);
        for (const append of group) append.reject(failure);
      }
    }
    this.writer = undefined;
  }

  /** The oldest waiting appends, up to {@link MAX_GROUP_EVENTS} events (always at least one append). */
  private takeGroup(): PendingAppend[] {
    let events = 0;
    let count = 0;
    while (
      count < this.pending.length &&
      (count === 0 || events + this.pending[count].events.length <= MAX_GROUP_EVENTS)
    ) {
      events += this.pending[count].events.length;
      count += 1;
    }
    return this.pending.splice(0, count);
  }
}
