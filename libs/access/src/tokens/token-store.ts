import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Principal } from '../domain/principal';

/** The visible part of every token, so a leaked one is recognisable in logs and by scanners. */
export const TOKEN_PREFIX = 'slt_';
const TOKEN = /^slt_[A-Za-z0-9_-]{43}$/;

export interface TokenRecord {
  readonly tokenId: string;
  readonly label: string;
  readonly principal: Exclude<Principal, { kind: 'anonymous' }>;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  /** When it last let a request in (an API call or a browser session), to the minute. */
  readonly lastUsedAt: string | null;
}

export type TokenCheck =
  | { readonly ok: true; readonly record: TokenRecord }
  | { readonly ok: false; readonly reason: 'malformed' | 'unknown' | 'expired' | 'revoked' };

/** A change that the embedded store makes at once and PostgreSQL's once it has committed. */
export type Awaitable<T> = T | Promise<T>;

export interface IssuedToken {
  /** The bearer token itself, shown once: only its hash is kept. */
  readonly token: string;
  readonly record: TokenRecord;
}

/**
 * The tokens as the guard, the web pages and `ledger-cli token` use them: {@link TokenStore}
 * in the data folder, or the PostgreSQL one beside the events (ADR 0008, addendum). Checks
 * and lists answer at once, from what the store holds in memory; changes are awaited, and
 * count on this instance as soon as they resolve.
 */
export interface AccessTokens {
  issue(principal: TokenRecord['principal'], label: string, validDays: number, now?: Date): Awaitable<IssuedToken>;
  list(): TokenRecord[];
  byId(tokenId: string): TokenRecord | undefined;
  checkById(tokenId: string, now?: number): TokenCheck;
  /** Notes a use of the token, at most once a minute; never delays or fails the request. */
  touch(tokenId: string, now?: number): void;
  revoke(tokenId: string, now?: Date): Awaitable<boolean>;
  check(token: string, now?: number): TokenCheck;
  close(): Awaitable<void>;
}

/** A new token for a principal, with the hash under which it is kept. */
export function newToken(
  principal: TokenRecord['principal'],
  label: string,
  validDays: number,
  now: Date,
): IssuedToken & { hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const record: TokenRecord = {
    tokenId: randomUUID(),
    label,
    principal,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + validDays * 86_400_000).toISOString(),
    revokedAt: null,
    lastUsedAt: null,
  };
  return { token, hash: tokenHash(token), record };
}

/** Whether a string has the shape of a token at all (a malformed one is not looked up). */
export const isTokenShaped = (token: string) => TOKEN.test(token);

/** What a token's record says about a request made at `now`. */
export function checkRecord(record: TokenRecord | null | undefined, now: number): TokenCheck {
  if (!record) return { ok: false, reason: 'unknown' };
  if (record.revokedAt !== null) return { ok: false, reason: 'revoked' };
  if (Date.parse(record.expiresAt) <= now) return { ok: false, reason: 'expired' };
  return { ok: true, record };
}

/** How often a token's last use is written, at most. */
export const TOUCH_EVERY_MS = 60_000;

/**
 * Bearer tokens: 256 random bits, shown once when issued, stored only as their SHA-256
 * (ADR 0007: a fast hash is right for secrets that random). Kept in the API's own SQLite
 * file beside the store, so issuing or revoking needs no running server.
 */
export class TokenStore implements AccessTokens {
  private readonly db: Database.Database;
  private readonly byHash: Database.Statement<[string], Row>;
  private readonly dataVersion: Database.Statement<[], number>;
  /** Tokens looked up since the file last changed, by hash (null: no such token). */
  private readonly known = new Map<string, TokenRecord | null>();
  private knownAt = -1;
  private askedAt = -Infinity;
  private readonly touched = new Map<string, number>();

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS tokens (
      token_id TEXT PRIMARY KEY,
      hash TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      principal TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revoked_at TEXT
    ) STRICT`);
    // Files made before tokens recorded their last use gain the column; old rows read as never used.
    const columns = this.db.prepare<[], { name: string }>('PRAGMA table_info(tokens)').all();
    if (!columns.some((column) => column.name === 'last_used_at')) {
      this.db.exec('ALTER TABLE tokens ADD COLUMN last_used_at TEXT');
    }
    // Every request looks its token up: prepared once.
    this.byHash = this.db.prepare<[string], Row>('SELECT * FROM tokens WHERE hash = ?');
    // Changes when another connection (`ledger-cli token revoke`) commits to the file.
    this.dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  issue(principal: TokenRecord['principal'], label: string, validDays: number, now = new Date()): IssuedToken {
    const { token, hash, record } = newToken(principal, label, validDays, now);
    this.db
      .prepare('INSERT INTO tokens VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)')
      .run(record.tokenId, hash, label, JSON.stringify(principal), record.issuedAt, record.expiresAt);
    this.known.clear();
    return { token, record };
  }

  list(): TokenRecord[] {
    return (this.db.prepare('SELECT * FROM tokens ORDER BY issued_at').all() as Row[]).map(toRecord);
  }

  /** The token with this id, whatever its state; undefined when there is none. */
  byId(tokenId: string): TokenRecord | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM tokens WHERE token_id = ?').get(tokenId);
    return row && toRecord(row);
  }

  /** The token's check as {@link check} makes it, for a token known by id (a browser session's). */
  checkById(tokenId: string, now = Date.now()): TokenCheck {
    return checkRecord(this.byId(tokenId), now);
  }

  /**
   * Notes that a token let a request in. Written at most once a minute per token, so that
   * the Toegang page can say when access was last used without a write on every request.
   */
  touch(tokenId: string, now = Date.now()): void {
    const last = this.touched.get(tokenId);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    if (this.touched.size >= MAX_REMEMBERED) this.touched.clear();
    this.touched.set(tokenId, now);
    this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE token_id = ?').run(new Date(now).toISOString(), tokenId);
  }

  /** Revokes a token by id; false when there is no such token or it was revoked already. */
  revoke(tokenId: string, now = new Date()): boolean {
    this.known.clear();
    return (
      this.db
        .prepare('UPDATE tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL')
        .run(now.toISOString(), tokenId).changes === 1
    );
  }

  /**
   * What was looked up is remembered until the file changes (`PRAGMA data_version`), and the
   * file is asked at most every {@link RECHECK_MS}: asking costs as much as reading the row
   * (a read transaction on the WAL). A revocation by this process counts at once, one by
   * another process (`ledger-cli token revoke`) within RECHECK_MS (ADR 0007).
   */
  check(token: string, now = Date.now()): TokenCheck {
    if (!isTokenShaped(token)) return { ok: false, reason: 'malformed' };
    return checkRecord(this.lookUp(tokenHash(token)), now);
  }

  close(): void {
    this.db.close();
  }

  private lookUp(hash: string): TokenRecord | null {
    const now = performance.now();
    if (now - this.askedAt >= RECHECK_MS) {
      this.askedAt = now;
      const version = this.dataVersion.get()!;
      if (version !== this.knownAt) {
        this.known.clear();
        this.knownAt = version;
      }
    }
    let record = this.known.get(hash);
    if (record === undefined) {
      const row = this.byHash.get(hash);
      record = row ? toRecord(row) : null;
      // Bounded: unknown tokens sent in bulk must not grow the process.
      if (this.known.size >= MAX_REMEMBERED) this.known.clear();
      this.known.set(hash, record);
    }
    return record;
  }
}

const MAX_REMEMBERED = 10_000;
/** How stale the remembered tokens may be: a revocation by another process counts within this. */
export const RECHECK_MS = 250;

/** A token as both stores keep it (columns of the same names). */
export interface Row {
  token_id: string;
  label: string;
  principal: string;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** The SHA-256 under which a token is kept. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const toRecord = (row: Row): TokenRecord => ({
  tokenId: row.token_id,
  label: row.label,
  principal: JSON.parse(row.principal) as TokenRecord['principal'],
  issuedAt: row.issued_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});
