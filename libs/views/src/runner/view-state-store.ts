import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DefaultDeserializer, serialize } from 'node:v8';
import { VIEW_PROJECTIONS, type LedgerViews, type ViewName } from '../ledger-views';

/** Every view, in the order rows are read: a load needs exactly these. */
const VIEW_NAMES = (Object.keys(VIEW_PROJECTIONS) as ViewName[]).sort();

export interface SavedViews {
  /** The last position applied to `views`: the checkpoint the runner resumes after. */
  readonly position: bigint;
  readonly views: LedgerViews;
}

/**
 * The views' own embedded database, also when the events live in KurrentDB: every API
 * instance keeps its read models next to it. Each view is one row and all rows carry the
 * same checkpoint, written in one transaction, so after a crash the views resume exactly
 * after the last fact they hold: nothing counted twice, nothing skipped. One row per view
 * (rather than one for all) keeps the memory of a save or a load to one view's bytes at a
 * time: the views of a million facts are about 280 MB serialised.
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
    // The single-row table of earlier versions held every view in one value; its state is
    // rebuilt from the log rather than converted.
    this.db.exec(`DROP TABLE IF EXISTS view_state;
      CREATE TABLE IF NOT EXISTS view_states (
        view TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        position TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        state BLOB NOT NULL
      ) STRICT`);
  }

  /** The saved views, or undefined when they must be rebuilt: none, another version, or not one whole save. */
  load(): SavedViews | undefined {
    return this.db.transaction(() => {
      const rows = this.db.prepare('SELECT view, version, position FROM view_states ORDER BY view').all() as {
        view: string;
        version: string;
        position: string;
      }[];
      const whole =
        rows.length > 0 &&
        rows.map((row) => row.view).join() === VIEW_NAMES.join() &&
        rows.every((row) => row.version === this.version && row.position === rows[0].position);
      if (!whole) return undefined;
      const state = this.db.prepare('SELECT state FROM view_states WHERE view = ?').pluck();
      const views = Object.fromEntries(
        VIEW_NAMES.map((view) => [view, deserializeDetached(state.get(view) as Buffer)]),
      );
      return { position: BigInt(rows[0].position), views: views as unknown as LedgerViews };
    })();
  }

  save(position: bigint, views: LedgerViews): void {
    const upsert = this.db.prepare(
      `INSERT INTO view_states (view, version, position, saved_at, state) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (view) DO UPDATE SET version = excluded.version, position = excluded.position,
         saved_at = excluded.saved_at, state = excluded.state`,
    );
    const savedAt = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM view_states WHERE view NOT IN (SELECT value FROM json_each(?))')
        .run(JSON.stringify(VIEW_NAMES));
      for (const view of VIEW_NAMES) {
        upsert.run(view, this.version, position.toString(), savedAt, serialize(views[view]));
      }
    })();
  }

  /** Forgets the saved views, so the next start rebuilds them from the log. */
  clear(): void {
    this.db.prepare('DELETE FROM view_states').run();
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Node's deserializer makes typed arrays views into the buffer read, which would keep
 * every byte of that buffer alive as long as the view state lives; each is copied instead.
 */
class DetachedDeserializer extends DefaultDeserializer {
  _readHostObject(): unknown {
    const view = readHostObject.call(this);
    if (Buffer.isBuffer(view)) return Buffer.from(view);
    if (view instanceof DataView)
      return new DataView(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
    return (view as Uint8Array).slice();
  }
}

/** Node's documented hook for host objects (typed arrays), which @types/node does not declare. */
const readHostObject = (DefaultDeserializer.prototype as unknown as { _readHostObject(): ArrayBufferView })
  ._readHostObject;

function deserializeDetached(buffer: Buffer): unknown {
  const deserializer = new DetachedDeserializer(buffer);
  deserializer.readHeader();
  return deserializer.readValue();
}
