import Database from 'better-sqlite3';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Awaitable, TokenRecord } from '../tokens/token-store';

/** How long a browser session lasts without being used; never beyond its access token's expiry. */
export const SESSION_IDLE_MS = 8 * 60 * 60_000;
const SESSION = /^[A-Za-z0-9_-]{43}$/;
/** Whether a string has the shape of a session id at all. */
export const isSessionShaped = (sessionId: string) => SESSION.test(sessionId);

export interface SessionRecord {
  readonly tokenId: string;
  readonly expiresAt: string;
}

/**
 * The browser sessions as the web pages use them: {@link SessionStore} in the data folder,
 * or the PostgreSQL one beside the events (ADR 0008, addendum).
 */
export interface AccessSessions {
  start(token: TokenRecord, now?: number): Awaitable<{ sessionId: string; expiresAt: string }>;
  check(sessionId: string, now?: number): SessionRecord | undefined;
  end(sessionId: string, now?: number): Awaitable<void>;
  csrfTokenFor(id: string): string;
  csrfMatches(id: string, given: unknown): boolean;
  close(): Awaitable<void>;
}

/** A new session id, and when it ends: idle for {@link SESSION_IDLE_MS}, never after its token. */
export function newSession(token: TokenRecord, now: number): { sessionId: string; hash: string; expiresAt: string } {
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, Date.parse(token.expiresAt))).toISOString();
  return { sessionId, hash: sessionHash(sessionId), expiresAt };
}

/** A CSRF token: an HMAC of the id under the store's secret, so every instance derives the same. */
export const csrfToken = (secret: Buffer, id: string) => createHmac('sha256', secret).update(id).digest('base64url');

export function csrfTokenMatches(secret: Buffer, id: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfToken(secret, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Browser sessions made from an access code (a token the programme team issued). The
 * browser holds only a random session id in an HttpOnly cookie, never the token; the file
 * keeps the id's SHA-256, so a copy of the file signs nobody in. Kept in the access file
 * beside the tokens, so that revoking a token ends its sessions on every instance.
 */
export class SessionStore implements AccessSessions {
  private readonly db: Database.Database;
  private readonly secret: Buffer;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      hash TEXT PRIMARY KEY,
      token_id TEXT NOT NULL,
      started_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      ended_at TEXT
    ) STRICT;
    CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT`);
    this.db.prepare("INSERT OR IGNORE INTO secrets VALUES ('csrf', ?)").run(randomBytes(32));
    this.secret = this.db.prepare("SELECT value FROM secrets WHERE name = 'csrf'").pluck().get() as Buffer;
  }

  /** A new session for a checked token; the id is shown to the browser once, as its cookie. */
  start(token: TokenRecord, now = Date.now()): { sessionId: string; expiresAt: string } {
    const { sessionId, hash, expiresAt } = newSession(token, now);
    this.db
      .prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, NULL)')
      .run(hash, token.tokenId, new Date(now).toISOString(), expiresAt);
    return { sessionId, expiresAt };
  }

  /** The live session with this id; undefined when unknown, ended or past its expiry (fixed when it started). */
  check(sessionId: string, now = Date.now()): SessionRecord | undefined {
    if (!SESSION.test(sessionId)) return undefined;
    const row = this.db
      .prepare<[string], { token_id: string; expires_at: string; ended_at: string | null }>(
        'SELECT token_id, expires_at, ended_at FROM sessions WHERE hash = ?',
      )
      .get(sessionHash(sessionId));
    if (!row || row.ended_at !== null || Date.parse(row.expires_at) <= now) return undefined;
    return { tokenId: row.token_id, expiresAt: row.expires_at };
  }

  /** Signing out: the session can never be used again. */
  end(sessionId: string, now = Date.now()): void {
    if (!SESSION.test(sessionId)) return;
    this.db
      .prepare('UPDATE sessions SET ended_at = ? WHERE hash = ? AND ended_at IS NULL')
      .run(new Date(now).toISOString(), sessionHash(sessionId));
  }

  /**
   * The CSRF token of a session (or of a visitor's pre-sign-in cookie): an HMAC of its id
   * under a secret of this file, so every instance on the file derives the same one and
   * nothing more has to be stored.
   */
  csrfTokenFor(id: string): string {
    return csrfToken(this.secret, id);
  }

  csrfMatches(id: string, given: unknown): boolean {
    return csrfTokenMatches(this.secret, id, given);
  }

  close(): void {
    this.db.close();
  }
}

/** The SHA-256 under which a session id is kept. */
export const sessionHash = (id: string) => createHash('sha256').update(id).digest('hex');
