import type { PoolClient, QueryResult } from 'pg';
import { matchesExpectedRevision } from '../append-validation';
import type { PendingAppend } from '../queued-append';
import type { AppendResult, StreamRevision } from '../envelope';
import { WrongExpectedRevisionError } from '../errors';
import { canonicalEvent, chainHash, GENESIS_HASH } from '../integrity/chain-hash';
import { APPEND_CHANNEL, APPEND_LOCK_KEY, LEDGER_SCHEMA } from './postgres-schema';

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: WrongExpectedRevisionError };

interface Tail {
  readonly position: string | null;
  readonly recorded_at: string | null;
  readonly hash: string | null;
  /** The database's clock, in the form toISOString() writes. */
  readonly now: string;
  /** Stream → its newest revision, for the streams of the group that exist. */
  readonly revisions: Record<string, StreamRevision>;
}

// Read after the lock is held, in a statement of its own: in READ COMMITTED each statement
// sees what was committed when it started, so this one sees the previous holder's commit.
// (That holds for each statement of a multi-statement query too: it is sent with BEGIN and
// the lock in one round trip, as EXECUTE of the statement prepared on the connection.)
const TAIL_SQL = `
  SELECT tail.position, tail.recorded_at, tail.hash,
    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now,
    (SELECT coalesce(json_object_agg(s.stream, s.revision), '{}'::json) FROM (
       SELECT name AS stream,
         (SELECT revision FROM ${LEDGER_SCHEMA}.events WHERE stream = name ORDER BY revision DESC LIMIT 1) AS revision
       FROM unnest($1::text[]) AS name) AS s
     WHERE s.revision IS NOT NULL) AS revisions
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT position, recorded_at, hash FROM ${LEDGER_SCHEMA}.events ORDER BY position DESC LIMIT 1
  ) AS tail ON true`;

const INSERT_SQL = `
  INSERT INTO ${LEDGER_SCHEMA}.events (position, stream, revision, id, type, schema_version, data, occurred_at,
    correlation_id, causation_id, actor, recorded_at, previous_hash, hash)
  SELECT position, stream, revision, id, type, schema_version, data, occurred_at,
    correlation_id, causation_id, actor, $12, previous_hash, hash
  FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::uuid[], $5::text[], $6::integer[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::text[], $13::text[], $14::text[])
    AS e(position, stream, revision, id, type, schema_version, data, occurred_at,
      correlation_id, causation_id, actor, previous_hash, hash)`;

/**
 * Groups up to this many events are inserted by INSERT_SQL with its arrays written in as
 * literals, so that the insert, the notification and the commit go in one round trip (a
 * multi-statement query takes no parameters); larger ones by INSERT_SQL prepared, its arrays
 * sent as parameters, which spares quoting megabytes a second time, and the commit after it.
 */
const INLINE_EVENTS = 1000;

/**
 * A string as an SQL literal, right whatever `standard_conforming_strings` says: quotes
 * doubled, and a string with backslashes written as an escape string with them doubled.
 * (Stored text cannot hold NUL, which the append's validation and JSON both keep out.)
 */
const literal = (value: string) =>
  value.includes('\\') ? `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${value.replace(/'/g, "''")}'`;
/** An element of an array literal: quoted, with its backslashes and double quotes escaped. */
const arrayElement = (value: string | null) =>
  value === null ? 'NULL' : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The tail read and the insert, prepared once per connection with SQL's PREPARE, so that a
 * multi-statement query (which takes no parameters) can EXECUTE them with their arguments
 * written in as literals and still use their saved plans: two round trips per append,
 * neither parsing nor planning the statements again. (The connection must be a session of
 * its own, not one shared by a transaction-pooling proxy, as LISTEN needs anyway.)
 */
const PREPARE_SQL =
  `PREPARE samen_ledger_tail(text[]) AS ${TAIL_SQL}; ` +
  `PREPARE samen_ledger_insert(bigint[], text[], integer[], uuid[], text[], integer[], text[], text[], text[], text[],
     text[], text, text[], text[]) AS ${INSERT_SQL}; `;
const prepared = new WeakSet<PoolClient>();

/** The rows of one transaction, column by column, as INSERT_SQL unnests them. */
class Columns {
  readonly position: string[] = [];
  readonly stream: string[] = [];
  readonly revision: number[] = [];
  readonly id: string[] = [];
  readonly type: string[] = [];
  readonly schemaVersion: number[] = [];
  readonly data: string[] = [];
  readonly occurredAt: string[] = [];
  readonly correlationId: (string | null)[] = [];
  readonly causationId: (string | null)[] = [];
  readonly actor: (string | null)[] = [];
  readonly previousHash: string[] = [];
  readonly hash: string[] = [];

  /**
   * EXECUTE of the prepared insert with its arrays written in as literals, for
   * {@link INLINE_EVENTS} or fewer events: each array is one token for the parser, and the
   * server reads it as it reads a parameter.
   */
  inlineInsert(recordedAt: string): string {
    const text = (values: readonly (string | null)[]) => literal(`{${values.map(arrayElement).join(',')}}`);
    const numbers = (values: readonly (string | number)[]) => `'{${values.join(',')}}'`;
    return `EXECUTE samen_ledger_insert(${[
      numbers(this.position),
      text(this.stream),
      numbers(this.revision),
      `'{${this.id.join(',')}}'`,
      text(this.type),
      numbers(this.schemaVersion),
      text(this.data),
      text(this.occurredAt),
      text(this.correlationId),
      text(this.causationId),
      text(this.actor),
      literal(recordedAt),
      text(this.previousHash),
      text(this.hash),
    ].join(',')})`;
  }

  values(recordedAt: string): unknown[] {
    return [
      this.position,
      this.stream,
      this.revision,
      this.id,
      this.type,
      this.schemaVersion,
      this.data,
      this.occurredAt,
      this.correlationId,
      this.causationId,
      this.actor,
      recordedAt,
      this.previousHash,
      this.hash,
    ];
  }
}

/**
 * Writes a group of appends in one transaction, each with its own expected-revision check
 * and outcome, holding the append lock from reading the tail of the log to the commit.
 *
 * The lock is what keeps the log free of gaps that later fill (ADR 0008): positions are the
 * tail's plus one, and the next appender reads the tail only after this commit is visible,
 * so positions become visible in the order they were given. It is also what the chain
 * needs, since each hash covers the one before. The database's clock gives the recorded
 * time, never earlier than the tail's, so it does not go backwards along the log.
 *
 * A refused append leaves the rest of the group, and the chain, as if it had not been
 * there. Any other failure rejects the whole group: the transaction is rolled back.
 */
export async function writeAppendGroup(
  client: PoolClient,
  group: readonly PendingAppend[],
  forceSynchronousCommit: boolean,
): Promise<AppendOutcome[]> {
  const streams = [...new Set(group.map((append) => append.streamName))];
  // One round trip: the simple protocol runs several statements that take no parameters, each
  // with a snapshot of its own, so the tail is read after the lock is held.
  // A connection that has not prepared the statements does so first, in the same round trip.
  const opening = client.query(
    `${prepared.has(client) ? '' : PREPARE_SQL}BEGIN;${forceSynchronousCommit ? ' SET LOCAL synchronous_commit = on;' : ''}` +
      ` SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY});` +
      ` EXECUTE samen_ledger_tail(ARRAY[${streams.map(literal).join(',')}]::text[])`,
  ) as unknown as Promise<QueryResult<Tail>[]>;
  try {
    const results = await opening;
    prepared.add(client);
    const [tail] = results[results.length - 1].rows;
    const recordedAt = tail.recorded_at !== null && tail.recorded_at > tail.now ? tail.recorded_at : tail.now;
    const revisions = new Map<string, StreamRevision>(Object.entries(tail.revisions));
    const columns = new Columns();
    let position = tail.position === null ? 0 : Number(tail.position);
    let hash = tail.hash ?? GENESIS_HASH;

    const outcomes = group.map((append): AppendOutcome => {
      const current = revisions.get(append.streamName);
      if (!matchesExpectedRevision(append.expected, current)) {
        return { ok: false, error: new WrongExpectedRevisionError(append.streamName, append.expected, current) };
      }
      let revision = current ?? -1;
      for (const event of append.events) {
        revision += 1;
        position += 1;
        const previousHash = hash;
        hash = chainHash(
          previousHash,
          // Named field by field: an object spread here cost several microseconds per event.
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
        columns.position.push(String(position));
        columns.stream.push(append.streamName);
        columns.revision.push(revision);
        columns.id.push(event.id);
        columns.type.push(event.type);
        columns.schemaVersion.push(event.schemaVersion);
        columns.data.push(event.dataJson);
        columns.occurredAt.push(event.metadata.occurredAt);
        columns.correlationId.push(event.metadata.correlationId ?? null);
        columns.causationId.push(event.metadata.causationId ?? null);
        columns.actor.push(event.metadata.actor ?? null);
        columns.previousHash.push(previousHash);
        columns.hash.push(hash);
      }
      revisions.set(append.streamName, revision);
      return { ok: true, result: { nextExpectedRevision: revision, position: BigInt(position) } };
    });

    // The notification is delivered at commit, to readers in other processes; only a wake-up call, never the events.
    const notifyAndCommit = `SELECT pg_notify('${APPEND_CHANNEL}', '${position}'); COMMIT`;
    if (columns.position.length > INLINE_EVENTS) {
      // Prepared once per connection: the plan is kept.
      await client.query({ name: 'append-insert', text: INSERT_SQL, values: columns.values(recordedAt) });
      await client.query(notifyAndCommit);
    } else if (columns.position.length > 0) {
      await client.query(`${columns.inlineInsert(recordedAt)}; ${notifyAndCommit}`);
    } else {
      await client.query('COMMIT');
    }
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
