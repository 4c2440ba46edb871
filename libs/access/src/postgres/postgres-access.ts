import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  ACCESS_CHANNEL,
  ACCESS_LOCK_KEY,
  asUnreachable,
  checkOut,
  EventStoreError,
  LEDGER_SCHEMA,
  prepareLedgerSchema,
  ServerHosts,
  StoreUnreachableError,
  withoutPassword,
} from '@samen/event-store';
import {
  type AccessSessions,
  csrfToken,
  csrfTokenMatches,
  isSessionShaped,
  newSession,
  type SessionRecord,
  sessionHash,
} from '../sessions/session-store';
import {
  type AccessTokens,
  checkRecord,
  type IssuedToken,
  isTokenShaped,
  newToken,
  type Row,
  type TokenCheck,
  tokenHash,
  type TokenRecord,
  toRecord,
  TOUCH_EVERY_MS,
} from '../tokens/token-store';

export interface PostgresAccessOptions {
  /** The event store's `postgres://` connection string: the tokens live in the same database. */
  readonly connectionString: string;
  /** How often the tables are read for changes when no notification came. */
  readonly pollMs?: number;
  /**
   * How old the last successful read of the tables may be before a check refuses to answer
   * (503): the longest a revocation on another instance can go unnoticed here.
   */
  readonly maxStaleMs?: number;
}

/** Without a notification, another instance's change is read within this. */
export const ACCESS_POLL_MS = 250;
/** No token or session is let in on what was read longer ago than this (ADR 0008, addendum). */
export const ACCESS_MAX_STALE_MS = 5_000;

type TokenRow = Row & { hash: string; changed: string };
interface SessionRow {
  hash: string;
  token_id: string;
  expires_at: string;
  ended_at: string | null;
  changed: string;
}

const TOKENS = `${LEDGER_SCHEMA}.access_tokens`;
const SESSIONS = `${LEDGER_SCHEMA}.access_sessions`;
const NEXT_CHANGE = `nextval('${LEDGER_SCHEMA}.access_changes')`;
const PERHAPS_CHANGED = '; the change may or may not have been made: look again before repeating it';

/**
 * The access tokens and browser sessions in the event store's PostgreSQL database, shared by
 * every API instance on it (ADR 0008, addendum).
 *
 * Each instance keeps all tokens and the live sessions in memory, so that checking a request
 * costs no round trip and the guard stays synchronous. Every change is one transaction that
 * holds {@link ACCESS_LOCK_KEY}, numbers the row from one sequence (`changed`) and sends
 * `NOTIFY samen_ledger_access`; the instance that made it holds it as soon as the change
 * resolves, the others on the notification (milliseconds) or at the next poll
 * ({@link ACCESS_POLL_MS}), reading the rows numbered above what they have seen. The lock
 * makes numbers commit in order, so nothing is skipped. And a check refuses, with
 * {@link StoreUnreachableError}, when the last successful read began more than
 * {@link ACCESS_MAX_STALE_MS} ago (the database away, say): no instance lets in a token that
 * was revoked longer ago than that.
 */
export class PostgresAccess {
  readonly tokens: AccessTokens;
  readonly sessions: AccessSessions;
  private readonly connectionString: string;
  private readonly hosts: ServerHosts;
  private readonly pollMs: number;
  private readonly maxStaleMs: number;
  private readonly byHash = new Map<string, { record: TokenRecord; changed: bigint }>();
  private readonly byId = new Map<string, TokenRecord>();
  /** Sessions by hash; an ended one is kept (as ended) until it expires, so an older copy cannot bring it back. */
  private readonly liveSessions = new Map<string, { session: SessionRecord; ended: boolean; changed: bigint }>();
  private tokensSeen = 0n;
  private sessionsSeen = 0n;
  /** When the last successful read of the changes began (performance.now()). */
  private freshSince = -Infinity;
  private refreshing: Promise<void> | undefined;
  private again = false;
  private listener: ReturnType<ServerHosts['newClient']> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private secret: Buffer = Buffer.alloc(0);
  private forceSynchronousCommit = false;
  private closing: Promise<void> | undefined;
  private readonly touched = new Map<string, number>();

  /** Connects, creates or checks the schema, and reads every token and live session. */
  static async open(options: PostgresAccessOptions): Promise<PostgresAccess> {
    const access = new PostgresAccess(options);
    try {
      await access.hosts.choose();
      await prepareLedgerSchema(access.pool);
      const { rows } = await access.pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      access.forceSynchronousCommit = rows[0].synchronous_commit === 'off';
      await access.pool.query(
        `INSERT INTO ${LEDGER_SCHEMA}.access_secrets VALUES ('csrf', $1) ON CONFLICT (name) DO NOTHING`,
        [randomBytes(32)],
      );
      const secret = await access.pool.query<{ value: Buffer }>(
        `SELECT value FROM ${LEDGER_SCHEMA}.access_secrets WHERE name = 'csrf'`,
      );
      access.secret = secret.rows[0].value;
      await access.refresh();
    } catch (error) {
      await access.hosts.end();
      throw error instanceof EventStoreError ? error : asUnreachable(error, options.connectionString);
    }
    access.listen();
    access.timer = setInterval(() => {
      access.listen();
      access.refresh().catch(() => undefined);
    }, access.pollMs).unref();
    return access;
  }

  private constructor(options: PostgresAccessOptions) {
    this.connectionString = options.connectionString;
    this.pollMs = options.pollMs ?? ACCESS_POLL_MS;
    this.maxStaleMs = options.maxStaleMs ?? ACCESS_MAX_STALE_MS;
    this.hosts = new ServerHosts(options.connectionString, 4);
    this.tokens = this.tokenFacade();
    this.sessions = this.sessionFacade();
  }

  /** Reads what changed since the last read; concurrent calls share one read (and one more after it). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.again = false;
          await this.readChanges();
        } while (this.again);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.timer);
      const listener = this.listener;
      this.listener = undefined;
      await listener?.end().catch(() => undefined);
      await this.refreshing?.catch(() => undefined);
      await this.hosts.end();
    })();
    return this.closing;
  }

  /** The pool on the server in use (the one that accepts writes, where several are named). */
  private get pool() {
    return this.hosts.pool;
  }

  private async readChanges(): Promise<void> {
    try {
      await this.readChangesOnce();
    } catch (error) {
      this.hosts.failed(error);
      throw error;
    }
  }

  private async readChangesOnce(): Promise<void> {
    const started = performance.now();
    const tokens = await this.pool.query<TokenRow>(`SELECT * FROM ${TOKENS} WHERE changed > $1 ORDER BY changed`, [
      String(this.tokensSeen),
    ]);
    for (const row of tokens.rows) this.applyToken(row);
    if (tokens.rows.length > 0) this.tokensSeen = BigInt(tokens.rows[tokens.rows.length - 1].changed);
    // The first read skips ended sessions; later reads need them, to end the ones held here.
    const sessions = await this.pool.query<SessionRow>(
      `SELECT hash, token_id, expires_at, ended_at, changed FROM ${SESSIONS}
       WHERE changed > $1 AND ($1 > 0 OR ended_at IS NULL) ORDER BY changed`,
      [String(this.sessionsSeen)],
    );
    const now = Date.now();
    for (const row of sessions.rows) this.applySession(row, now);
    if (sessions.rows.length > 0) this.sessionsSeen = BigInt(sessions.rows[sessions.rows.length - 1].changed);
    for (const [hash, { session }] of this.liveSessions) {
      if (Date.parse(session.expiresAt) <= now) this.liveSessions.delete(hash);
    }
    this.freshSince = Math.max(this.freshSince, started);
  }

  /** A row replaces what is held only if it is newer: a read that began before this instance's own change must not undo it. */
  private applyToken(row: TokenRow): void {
    const changed = BigInt(row.changed);
    const held = this.byHash.get(row.hash);
    if (held && held.changed >= changed) return;
    const record = toRecord(row);
    this.byHash.set(row.hash, { record, changed });
    this.byId.set(record.tokenId, record);
  }

  private applySession(row: SessionRow, now: number): void {
    const changed = BigInt(row.changed);
    const held = this.liveSessions.get(row.hash);
    if (held && held.changed >= changed) return;
    if (Date.parse(row.expires_at) <= now) {
      this.liveSessions.delete(row.hash);
      return;
    }
    this.liveSessions.set(row.hash, {
      session: { tokenId: row.token_id, expiresAt: row.expires_at },
      ended: row.ended_at !== null,
      changed,
    });
  }

  /** Refuses to answer from memory that may have missed a revocation for too long. */
  private assertFresh(): void {
    const age = performance.now() - this.freshSince;
    if (age <= this.maxStaleMs) return;
    throw new StoreUnreachableError(
      `Access cannot be checked: the tokens were last read from PostgreSQL at ${withoutPassword(this.connectionString)} ` +
        `${(age / 1000).toFixed(1)} s ago, and nothing is let in on a read older than ${this.maxStaleMs / 1000} s`,
    );
  }

  /** One change: under the access lock, numbered, notified, committed; the changed row, if any. */
  private async change<R>(text: string, values: unknown[]): Promise<R | undefined> {
    const client = await checkOut(this.pool).catch((error: unknown) => {
      this.hosts.failed(error);
      throw asUnreachable(error, this.connectionString, '; nothing was changed');
    });
    try {
      await client.query('BEGIN');
      if (this.forceSynchronousCommit) await client.query('SET LOCAL synchronous_commit = on');
      await client.query('SELECT pg_advisory_xact_lock($1)', [ACCESS_LOCK_KEY]);
      const { rows } = await client.query<R & object>(text, values);
      await client.query('SELECT pg_notify($1, $2)', [ACCESS_CHANNEL, '']);
      await client.query('COMMIT');
      client.release();
      return rows[0];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      this.hosts.failed(error);
      throw asUnreachable(error, this.connectionString, PERHAPS_CHANGED);
    }
  }

  private listen(): void {
    if (this.listener || this.closing) return;
    const client = this.hosts.newClient();
    this.listener = client;
    const drop = () => {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
    };
    client.on('notification', () => this.refresh().catch(() => undefined));
    client.on('error', drop);
    client.on('end', drop);
    client
      .connect()
      .then(() => client.query(`LISTEN ${ACCESS_CHANNEL}`))
      // Changes made while no one listened are read now rather than at the next poll.
      .then(() => this.refresh())
      .catch(drop);
  }

  private tokenFacade(): AccessTokens {
    return {
      issue: async (principal, label, validDays, now = new Date()): Promise<IssuedToken> => {
        const { token, hash, record } = newToken(principal, label, validDays, now);
        const row = await this.change<TokenRow>(
          `INSERT INTO ${TOKENS} (token_id, hash, label, principal, issued_at, expires_at, changed)
           VALUES ($1, $2, $3, $4, $5, $6, ${NEXT_CHANGE}) RETURNING *`,
          [record.tokenId, hash, label, JSON.stringify(principal), record.issuedAt, record.expiresAt],
        );
        this.applyToken(row!);
        return { token, record };
      },
      list: () => {
        this.assertFresh();
        return [...this.byId.values()].sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
      },
      byId: (tokenId) => {
        this.assertFresh();
        return this.byId.get(tokenId);
      },
      checkById: (tokenId, now = Date.now()): TokenCheck => {
        this.assertFresh();
        return checkRecord(this.byId.get(tokenId), now);
      },
      check: (token, now = Date.now()): TokenCheck => {
        if (!isTokenShaped(token)) return { ok: false, reason: 'malformed' };
        this.assertFresh();
        return checkRecord(this.byHash.get(tokenHash(token))?.record, now);
      },
      touch: (tokenId, now = Date.now()) => {
        const last = this.touched.get(tokenId);
        if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
        if (this.touched.size >= 10_000) this.touched.clear();
        this.touched.set(tokenId, now);
        // Only for the Toegang page's "last used": never holds up or fails the request.
        this.change<TokenRow>(
          `UPDATE ${TOKENS} SET last_used_at = $1, changed = ${NEXT_CHANGE} WHERE token_id = $2 RETURNING *`,
          [new Date(now).toISOString(), tokenId],
        )
          .then((row) => row && this.applyToken(row))
          .catch(() => this.touched.delete(tokenId));
      },
      revoke: async (tokenId, now = new Date()) => {
        const row = await this.change<TokenRow>(
          `UPDATE ${TOKENS} SET revoked_at = $1, changed = ${NEXT_CHANGE}
           WHERE token_id = $2 AND revoked_at IS NULL RETURNING *`,
          [now.toISOString(), tokenId],
        );
        if (row) this.applyToken(row);
        return row !== undefined;
      },
      close: () => this.close(),
    };
  }

  private sessionFacade(): AccessSessions {
    return {
      start: async (token, now = Date.now()) => {
        const { sessionId, hash, expiresAt } = newSession(token, now);
        const row = await this.change<SessionRow>(
          `INSERT INTO ${SESSIONS} (hash, token_id, started_at, expires_at, changed)
           VALUES ($1, $2, $3, $4, ${NEXT_CHANGE}) RETURNING hash, token_id, expires_at, ended_at, changed`,
          [hash, token.tokenId, new Date(now).toISOString(), expiresAt],
        );
        this.applySession(row!, now);
        return { sessionId, expiresAt };
      },
      check: (sessionId, now = Date.now()) => {
        if (!isSessionShaped(sessionId)) return undefined;
        this.assertFresh();
        const held = this.liveSessions.get(sessionHash(sessionId));
        if (!held || held.ended || Date.parse(held.session.expiresAt) <= now) return undefined;
        return held.session;
      },
      end: async (sessionId, now = Date.now()) => {
        if (!isSessionShaped(sessionId)) return;
        const row = await this.change<SessionRow>(
          `UPDATE ${SESSIONS} SET ended_at = $1, changed = ${NEXT_CHANGE}
           WHERE hash = $2 AND ended_at IS NULL RETURNING hash, token_id, expires_at, ended_at, changed`,
          [new Date(now).toISOString(), sessionHash(sessionId)],
        );
        if (row) this.applySession(row, now);
      },
      csrfTokenFor: (id) => csrfToken(this.secret, id),
      csrfMatches: (id, given) => csrfTokenMatches(this.secret, id, given),
      close: () => this.close(),
    };
  }
}
