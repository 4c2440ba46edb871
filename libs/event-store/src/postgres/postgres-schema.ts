import type { Pool, PoolClient } from 'pg';
import { StoreSchemaTooNewError } from '../errors';
import { checkOut } from './connection-failure';

/** Everything the adapter owns lives in one schema, so a shared database keeps its own tables apart. */
export const LEDGER_SCHEMA = 'samen_ledger';
/** The schema this code writes. A database with a higher version is refused, untouched. */
export const POSTGRES_SCHEMA_VERSION = 2;
/** The channel an append notifies on commit; readers use it only to wake up sooner. */
export const APPEND_CHANNEL = 'samen_ledger_appended';
/**
 * Key of the transaction-scoped advisory lock that every append holds from reading the
 * tail of the log to its commit (ADR 0008). Also taken while the schema is created, so two
 * instances starting on an empty database create it once. ("SAMN" as in the SQLite file's
 * application id.)
 */
export const APPEND_LOCK_KEY = 0x53414d4e;
/** The channel a change to the tokens or browser sessions notifies on commit (ADR 0008, addendum). */
export const ACCESS_CHANNEL = 'samen_ledger_access';
/**
 * Key of the advisory lock every change to the tokens or sessions holds until its commit, so
 * that the change numbers (`changed`) become visible in order and a reader that has seen
 * number N has seen every change below it. Apart from the append lock: access never waits
 * for the log.
 */
export const ACCESS_LOCK_KEY = 0x53414d41;

/**
 * Version 1: the same columns as the embedded store's version 2 (ADR 0006). Positions are
 * assigned by the appender under the append lock, 1, 2, 3, … without gaps, because they are
 * part of what each hash covers. `data` and `recorded_at` are text, not jsonb and
 * timestamptz: the hash covers the exact text, and jsonb reorders members.
 */
const SCHEMA_V1 = `
  CREATE TABLE ${LEDGER_SCHEMA}.events (
    position       bigint   PRIMARY KEY CHECK (position >= 1),
    stream         text     NOT NULL,
    revision       integer  NOT NULL CHECK (revision >= 0),
    id             uuid     NOT NULL,
    type           text     NOT NULL,
    schema_version integer  NOT NULL CHECK (schema_version >= 1),
    data           text     NOT NULL,
    occurred_at    text     NOT NULL,
    correlation_id text,
    causation_id   text,
    actor          text,
    recorded_at    text     NOT NULL,
    previous_hash  char(64) NOT NULL,
    hash           char(64) NOT NULL,
    UNIQUE (stream, revision)
  );
  -- Projections that read a few types skip the rest of a long log through this index.
  CREATE INDEX events_by_type ON ${LEDGER_SCHEMA}.events (type, position);
  -- A fact is never edited or removed: corrections are new events.
  CREATE FUNCTION ${LEDGER_SCHEMA}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'events are immutable and permanent'; END $$;
  CREATE TRIGGER events_are_immutable BEFORE UPDATE OR DELETE ON ${LEDGER_SCHEMA}.events
    FOR EACH ROW EXECUTE FUNCTION ${LEDGER_SCHEMA}.refuse_change();
  CREATE TRIGGER events_are_not_truncated BEFORE TRUNCATE ON ${LEDGER_SCHEMA}.events
    FOR EACH STATEMENT EXECUTE FUNCTION ${LEDGER_SCHEMA}.refuse_change();
`;

/**
 * Version 2: the access tokens and browser sessions, shared by every instance on the
 * database (ADR 0008, addendum). Columns as in the embedded access file, plus `changed`: a
 * number from one sequence, taken under {@link ACCESS_LOCK_KEY} by every insert or update,
 * by which instances read what changed since they last looked.
 */
const SCHEMA_V2 = `
  CREATE SEQUENCE ${LEDGER_SCHEMA}.access_changes;
  CREATE TABLE ${LEDGER_SCHEMA}.access_tokens (
    token_id     text     PRIMARY KEY,
    hash         char(64) NOT NULL UNIQUE,
    label        text     NOT NULL,
    principal    text     NOT NULL,
    issued_at    text     NOT NULL,
    expires_at   text     NOT NULL,
    revoked_at   text,
    last_used_at text,
    changed      bigint   NOT NULL
  );
  CREATE INDEX access_tokens_by_change ON ${LEDGER_SCHEMA}.access_tokens (changed);
  CREATE TABLE ${LEDGER_SCHEMA}.access_sessions (
    hash       char(64) PRIMARY KEY,
    token_id   text     NOT NULL,
    started_at text     NOT NULL,
    expires_at text     NOT NULL,
    ended_at   text,
    changed    bigint   NOT NULL
  );
  CREATE INDEX access_sessions_by_change ON ${LEDGER_SCHEMA}.access_sessions (changed);
  CREATE TABLE ${LEDGER_SCHEMA}.access_secrets (name text PRIMARY KEY, value bytea NOT NULL);
`;

/**
 * Creates the schema in an empty database, or checks the version of an existing one, and
 * refuses one written by a newer samen-ledger before anything is read or written.
 */
export async function prepareLedgerSchema(pool: Pool): Promise<void> {
  const client = await checkOut(pool);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
    const version = await storedVersion(client);
    if (version === undefined) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${LEDGER_SCHEMA}`);
      await client.query(`CREATE TABLE ${LEDGER_SCHEMA}.schema_version (version integer NOT NULL)`);
      await client.query(SCHEMA_V1);
      await client.query(SCHEMA_V2);
      await client.query(`INSERT INTO ${LEDGER_SCHEMA}.schema_version (version) VALUES ($1)`, [
        POSTGRES_SCHEMA_VERSION,
      ]);
    } else if (version === 1) {
      // A database of the first release gains the access tables; its events are untouched.
      await client.query(SCHEMA_V2);
      await client.query(`UPDATE ${LEDGER_SCHEMA}.schema_version SET version = $1`, [POSTGRES_SCHEMA_VERSION]);
    } else if (version > POSTGRES_SCHEMA_VERSION) {
      throw new StoreSchemaTooNewError(
        `The PostgreSQL database was written by a newer samen-ledger (schema ${version}; this version reads up to ` +
          `${POSTGRES_SCHEMA_VERSION}); it was left untouched. Upgrade samen-ledger to use it.`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function storedVersion(client: PoolClient): Promise<number | undefined> {
  const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    `${LEDGER_SCHEMA}.schema_version`,
  ]);
  if (!rows[0].exists) return undefined;
  const versions = await client.query<{ version: number }>(
    `SELECT max(version) AS version FROM ${LEDGER_SCHEMA}.schema_version`,
  );
  return versions.rows[0].version ?? undefined;
}
