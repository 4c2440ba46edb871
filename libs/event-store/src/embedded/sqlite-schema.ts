import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { NotALedgerStoreError, StoreSchemaTooNewError } from '../errors';

/** "SAMN": marks a SQLite file as a samen-ledger store (PRAGMA application_id). */
export const LEDGER_APPLICATION_ID = 0x53414d4e;
/** The schema this code writes. A file with a higher user_version is refused, untouched. */
export const LEDGER_SCHEMA_VERSION = 1;

const SCHEMA_V1 = `
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
    UNIQUE (stream, revision)
  ) STRICT;
  -- A fact is never edited or removed: corrections are new events.
  CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
  CREATE TRIGGER events_are_permanent BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are permanent'); END;
`;

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
    db.transaction(() => {
      if (db.pragma('user_version', { simple: true }) !== 0) return;
      db.exec(SCHEMA_V1);
      db.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
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
