import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LedgerViews } from '../ledger-views';

export interface SavedViews {
  /** The last position applied to `views`: the checkpoint the runner resumes after. */
  readonly position: bigint;
  readonly views: LedgerViews;
}

/**
 * The views' own embedded database, also when the events live in KurrentDB: every API
 * instance keeps its read models next to it. State and checkpoint are one row, written in
 * one statement, so after a crash the views resume exactly after the last fact they hold:
 * nothing counted twice, nothing skipped.
 */
export class ViewStateStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    /** States saved by other projection code are not loaded but rebuilt. */
    private readonly version: string,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS view_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version TEXT NOT NULL,
      position TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      state BLOB NOT NULL
    ) STRICT`);
  }

  load(): SavedViews | undefined {
    const row = this.db.prepare('SELECT version, position, state FROM view_state WHERE id = 1').get() as
      { version: string; position: string; state: Buffer } | undefined;
    if (!row || row.version !== this.version) return undefined;
    return { position: BigInt(row.position), views: deserialize(row.state) as LedgerViews };
  }

  save(position: bigint, views: LedgerViews): void {
    this.db
      .prepare(
        `INSERT INTO view_state (id, version, position, saved_at, state) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET version = excluded.version, position = excluded.position,
           saved_at = excluded.saved_at, state = excluded.state`,
      )
      .run(this.version, position.toString(), new Date().toISOString(), serialize(views));
  }

  /** Forgets the saved views, so the next start rebuilds them from the log. */
  clear(): void {
    this.db.prepare('DELETE FROM view_state').run();
  }

  close(): void {
    this.db.close();
  }
}
