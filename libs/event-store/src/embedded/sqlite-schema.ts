import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { NotALedgerStoreError, StoreSchemaTooNewError } from '../errors';
import { chainHash, GENESIS_HASH } from '../integrity/chain-hash';

/** "SAMN": marks a SQLite file as a samen-ledger store (PRAGMA application_id). */
export const LEDGER_APPLICATION_ID = 0x53414d4e;
/** The schema this code writes. A file with a higher user_version is refused, untouched. */
export const LEDGER_SCHEMA_VERSION = 2;

/**
 * Version 2 adds the tamper-evident chain (ADR 0006): each event keeps the hash of the
 * event before it and its own hash, both computed in the transaction that appends it.
 */
const SCHEMA_V2 = `
  CREATE TABLE events (
    position       INTEGER PRIMARY KEY,
    stream         TEXT    NOT NULL,
    revision       INTEGER NOT NULL CHECK (revision >= 0),
    id             TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
    data           TEXT    NOT NULL,
    occurred_at    TEXT    NOT NULL,
    correlation_id TEXT,
    causation_id   TEXT,
    actor          TEXT,
    recorded_at    TEXT    NOT NULL,
    previous_hash  TEXT    NOT NULL CHECK (length(previous_hash) = 64),
    hash           TEXT    NOT NULL CHECK (length(hash) = 64),
    UNIQUE (stream, revision)
  ) STRICT;
  -- A fact is never edited or removed: corrections are new events.
  CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
  CREATE TRIGGER events_are_permanent BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are permanent'); END;
`;

/**
 * {@link canonicalEvent} as the arguments of an SQL `concat()` over the stored columns, for
 * verification and upgrades, so that SQLite assembles the whole text in one allocation and
 * nothing is parsed. `json_quote` writes a string as JSON.stringify does for every name the
 * store accepts (no control characters, no lone surrogates), integers print alike, `data`
 * is the stored JSON text, and concat() skips the NULL of an absent metadata field. The
 * tamper-evidence tests check that both definitions agree on awkward values.
 */
export const CANONICAL_EVENT_SQL_PARTS = `'{"data":', data, ',"id":', json_quote(id), ',"metadata":{',
  CASE WHEN actor IS NOT NULL THEN '"actor":' || json_quote(actor) || ',' END,
  CASE WHEN causation_id IS NOT NULL THEN '"causationId":' || json_quote(causation_id) || ',' END,
  CASE WHEN correlation_id IS NOT NULL THEN '"correlationId":' || json_quote(correlation_id) || ',' END,
  '"occurredAt":', json_quote(occurred_at), '},"position":"', position, '","recordedAt":', json_quote(recorded_at),
  ',"revision":', revision, ',"schemaVersion":', schema_version, ',"streamName":', json_quote(stream),
  ',"type":', json_quote(type), '}'`;

const V1_COLUMNS =
  'position, stream, revision, id, type, schema_version, data, occurred_at, correlation_id, causation_id, actor, recorded_at';

/**
 * Version 1 → 2: the events move to a table of the version-2 shape (the same statement a
 * new file gets), each chained in position order from the first event. Runs inside the
 * caller's write transaction, so a file is upgraded whole or not at all. No event changes:
 * the chain only records them as they are.
 */
function upgradeFromV1(db: Database.Database): void {
  db.exec(`
    DROP TRIGGER events_are_immutable;
    DROP TRIGGER events_are_permanent;
    ALTER TABLE events RENAME TO events_v1;
  `);
  db.exec(SCHEMA_V2);
  // Each row's twelve columns, then its canonical form.
  const page = db
    .prepare<[number], unknown[]>(
      `SELECT ${V1_COLUMNS}, concat(${CANONICAL_EVENT_SQL_PARTS}) FROM events_v1 WHERE position > ? ORDER BY position LIMIT 10000`,
    )
    .raw();
  const insert = db.prepare(`INSERT INTO events (${V1_COLUMNS}, previous_hash, hash) VALUES (${'?, '.repeat(13)}?)`);
  let previousHash = GENESIS_HASH;
  for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1][0] as number)) {
    for (const row of rows) {
      const hash = chainHash(previousHash, row[12] as string);
      insert.run(...row.slice(0, 12), previousHash, hash);
      previousHash = hash;
    }
  }
  db.exec('DROP TABLE events_v1');
}

/**
 * Opens (or creates) a store file. An existing file is first inspected read-only and
 * refused if it is not a samen-ledger store or was written by a newer schema, so that a
 * wrong path can never damage somebody else's database.
 */
export function openLedgerDatabase(file: string): Database.Database {
  const inMemory = file === ':memory:';
  if (!inMemory) {
    if (existsSync(file) && statSync(file).size > 0) inspectExistingFile(file);
    else mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    if (!inMemory) db.pragma('journal_mode = WAL');
    // NORMAL: a commit does not fsync; WalDurability fdatasyncs the WAL off the event loop
    // before any append is acknowledged, which is as durable as FULL (see docs/adr/0001).
    db.pragma(`synchronous = ${inMemory ? 'OFF' : 'NORMAL'}`);
    // Checked under the write lock, so two processes opening a new file create it once.
    // An older file is upgraded here too, in the same single transaction.
    db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === LEDGER_SCHEMA_VERSION) return;
      if (version === 0) {
        db.exec(SCHEMA_V2);
        db.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
      } else if (version === 1) {
        upgradeFromV1(db);
      }
      db.pragma(`user_version = ${LEDGER_SCHEMA_VERSION}`);
    }).immediate();
    // A read in WAL mode creates the -wal file, which WalDurability then holds open.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function inspectExistingFile(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new NotALedgerStoreError(`${file} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== LEDGER_APPLICATION_ID) {
      throw new NotALedgerStoreError(
        `${file} is a database but not a samen-ledger store (application_id ${applicationId}); it was left untouched.`,
      );
    }
    if (userVersion > LEDGER_SCHEMA_VERSION) {
      throw new StoreSchemaTooNewError(
        `${file} was written by a newer samen-ledger (schema ${userVersion}; this version reads up to ${LEDGER_SCHEMA_VERSION}); it was left untouched.`,
      );
    }
  } catch (error) {
    if (error instanceof NotALedgerStoreError || error instanceof StoreSchemaTooNewError) throw error;
    throw new NotALedgerStoreError(`${file} is not a samen-ledger store: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}
