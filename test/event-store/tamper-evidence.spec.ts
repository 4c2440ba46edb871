import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalEvent,
  ChainBrokenError,
  chainHash,
  ChainNotAvailableError,
  GENESIS_HASH,
  InvalidAppendError,
  type NewEvent,
  type RecordedEvent,
  SqliteEventStore,
} from '@samen/event-store';
import { startLedgerApi } from '../support/ledger-api';
import { capturedCli } from '../support/cli';

/**
 * Issue 6: every event is chained to the one before it by a hash (ADR 0006). An attacker
 * with the database file in hand changes it behind the store's back; `verify` must name the
 * exact position of each change.
 */
describe('Tamper-evident log', () => {
  const EVENTS = 300;
  let template: string;
  let dir: string;
  let file: string;
  const cli = capturedCli();
  const { out, err } = cli;

  beforeAll(async () => {
    template = mkdtempSync(join(tmpdir(), 'samen-ledger-tamper-template-'));
    const store = new SqliteEventStore({ file: join(template, 'ledger.db') });
    for (let i = 0; i < EVENTS; i += 6) {
      const events = Array.from({ length: 6 }, (_, k) => attendanceRecorded(i + k));
      await store.append(streamOf(i), events, 'any');
    }
    await store.close();
  });
  afterAll(() => rmSync(template, { recursive: true, force: true }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-tamper-'));
    file = join(dir, 'ledger.db');
    copyFileSync(join(template, 'ledger.db'), file);
    process.env.LEDGER_DATA_DIR = dir;
    cli.clear();
  });
  afterEach(() => {
    delete process.env.LEDGER_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  /** What someone with write access to the file can do: drop the guards and edit rows. */
  function asAttacker(change: (db: Database.Database) => void): void {
    const db = new Database(file);
    db.exec('DROP TRIGGER events_are_immutable; DROP TRIGGER events_are_permanent;');
    change(db);
    db.close();
  }

  /** The position and the reason `verify` gives, from the error main.ts turns into exit code 1. */
  async function verifyFails(...args: string[]): Promise<ChainBrokenError> {
    const failure: unknown = await cli('verify', ...args).then(
      (code) => new Error(`verify finished with exit code ${code}: ${out.join('\n')}`),
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ChainBrokenError);
    expect(out).toEqual([]);
    return failure as ChainBrokenError;
  }

  async function storedEvents(): Promise<RecordedEvent[]> {
    const store = new SqliteEventStore({ file });
    const events = await store.readAll({ maxCount: EVENTS + 10 });
    await store.close();
    return events;
  }

  describe('an untouched log', () => {
    it('verifies intact and prints the head hash, the hash of its newest event', async () => {
      const head = (await storedEvents()).at(-1)!;

      expect(await cli('verify')).toBe(0);

      expect(out).toEqual([`intact: ${EVENTS} events, head position ${EVENTS}, head hash ${head.hash}`]);
      expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('chains every event to the one before it, from 64 zeros, over its canonical form', async () => {
      const events = await storedEvents();
      let previous = GENESIS_HASH;
      for (const event of events) {
        const recomputed = chainHash(previous, canonicalEvent({ ...event, dataJson: JSON.stringify(event.data) }));
        expect({ position: event.position, hash: event.hash }).toEqual({ position: event.position, hash: recomputed });
        previous = recomputed;
      }
    });

    it('verifies intact against the head hash an auditor wrote down earlier, after more appends', async () => {
      const { position, hash } = (await storedEvents())[149];
      const store = new SqliteEventStore({ file });
      await store.append('meeting-later', [attendanceRecorded(EVENTS)], 'no_stream');
      await store.close();

      expect(await cli('verify', '--expect-head', `${position}:${hash}`)).toBe(0);

      expect(out[0]).toMatch(new RegExp(`^intact: ${EVENTS + 1} events, head position ${EVENTS + 1}, head hash `));
    });
  });

  describe('a changed file', () => {
    it('names the event of which one byte of data was changed in the file itself', async () => {
      const bytes = readFileSync(file);
      const marker = Buffer.from('"personId":"person-123"');
      const at = bytes.indexOf(marker);
      expect(at).toBeGreaterThan(0);
      expect(bytes.indexOf(marker, at + 1)).toBe(-1);
      bytes[at + marker.length - 2] = '4'.charCodeAt(0); // person-123 becomes person-124
      writeFileSync(file, bytes);

      const failure = await verifyFails();

      expect(failure.message).toMatch(/^broken at position 124: hash mismatch: the event's content is not what/);
      expect(failure.position).toBe(124n);
    });

    it('names the position of a deleted event', async () => {
      asAttacker((db) => db.prepare('DELETE FROM events WHERE position = 200').run());

      const failure = await verifyFails();

      expect(failure.message).toBe('broken at position 200: position 200 is missing: an event was deleted');
    });

    it('names an event inserted below the start of the log, where a stream read would still find it', async () => {
      asAttacker((db) =>
        db
          .prepare(
            `INSERT INTO events SELECT -1, 'meeting-forged', 0, id, type, schema_version, data, occurred_at,
               correlation_id, causation_id, actor, recorded_at, previous_hash, hash FROM events WHERE position = 10`,
          )
          .run(),
      );

      const failure = await verifyFails();

      expect(failure.message).toBe(
        'broken at position -1: the store numbers its log from 1, so the event at position -1 was inserted',
      );
    });

    it('names the first missing position before an event inserted far beyond the head', async () => {
      asAttacker((db) =>
        db
          .prepare(
            `INSERT INTO events SELECT 1000000000, 'meeting-forged', 0, id, type, schema_version, data, occurred_at,
               correlation_id, causation_id, actor, recorded_at, previous_hash, hash FROM events WHERE position = 10`,
          )
          .run(),
      );

      const failure = await verifyFails();

      expect(failure.message).toBe(
        `broken at position ${EVENTS + 1}: positions ${EVENTS + 1}–999999999 are missing: events were deleted, or the event at 1000000000 was put there`,
      );
    });

    it('names the first of two events whose contents were swapped, hashes and all', async () => {
      const columns =
        'stream, revision, id, type, schema_version, data, occurred_at, correlation_id, causation_id, actor, recorded_at, previous_hash, hash';
      asAttacker((db) => {
        const read = db.prepare(`SELECT ${columns} FROM events WHERE position = ?`).raw();
        const [first, second] = [read.get(40) as unknown[], read.get(160) as unknown[]];
        const write = db.prepare(
          `UPDATE events SET (${columns}) = (${columns.replace(/\w+/g, '?')}) WHERE position = ?`,
        );
        // (stream, revision) is unique: move both aside while they trade places.
        db.prepare("UPDATE events SET stream = 'aside-' || position WHERE position IN (40, 160)").run();
        write.run(...second, 40);
        write.run(...first, 160);
      });

      const failure = await verifyFails();

      expect(failure.message).toMatch(/^broken at position 40: hash mismatch/);
    });

    it('names an event that was rewritten with its own hash recomputed, but not the hashes after it', async () => {
      asAttacker((db) => {
        const row = db.prepare('SELECT * FROM events WHERE position = 150').get() as Record<string, string | number>;
        const data = (row.data as string).replace('"status":"present"', '"status":"excused"');
        expect(data).not.toBe(row.data);
        const hash = chainHash(row.previous_hash as string, canonicalOfRow(row, data));
        db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = 150').run(data, hash);
      });

      const failure = await verifyFails();

      expect(failure.message).toMatch(
        /^broken at position 150: previous-hash mismatch: position 151 was chained to a different event at position 150/,
      );
    });

    it('cannot see a rewrite whose every later hash was recomputed, except against a head hash written down before', async () => {
      const before = (await storedEvents()).at(-1)!;
      asAttacker((db) => {
        const rows = db.prepare('SELECT * FROM events WHERE position >= 100 ORDER BY position').all() as Record<
          string,
          string | number
        >[];
        let previous = rows[0].previous_hash as string;
        const rewrite = db.prepare('UPDATE events SET data = ?, previous_hash = ?, hash = ? WHERE position = ?');
        for (const row of rows) {
          const data =
            row.position === 100 ? (row.data as string).replace('"status":"', '"status":"not-') : (row.data as string);
          const hash = chainHash(previous, canonicalOfRow(row, data));
          rewrite.run(data, previous, hash, row.position);
          previous = hash;
        }
      });

      expect(await cli('verify')).toBe(0);
      expect(out[0]).not.toContain(before.hash);
      cli.clear();
      const failure = await verifyFails('--expect-head', `${before.position}:${before.hash}`);

      expect(failure.message).toMatch(
        new RegExp(`^broken at position ${EVENTS}: the hash here is [0-9a-f]{64}, not the expected ${before.hash}`),
      );
    });

    it('names the recorded head when events were removed from the end of the log', async () => {
      const before = (await storedEvents()).at(-1)!;
      asAttacker((db) => db.prepare(`DELETE FROM events WHERE position > ${EVENTS - 5}`).run());

      const failure = await verifyFails('--expect-head', `${before.position}:${before.hash}`);

      expect(failure.message).toBe(
        `broken at position ${EVENTS}: the log ends at position ${EVENTS - 5}, before the expected head: events were removed from its end`,
      );
    });
  });

  describe('an expected head', () => {
    it('that is not the hash at its position reports the log broken there', async () => {
      const failure = await verifyFails('--expect-head', `120:${'ab'.repeat(32)}`);

      expect(failure.message).toMatch(/^broken at position 120: the hash here is [0-9a-f]{64}, not the expected abab/);
    });

    it('that is not POSITION:HASH is refused with exit code 2 and the usage', async () => {
      expect(await cli('verify', '--expect-head', '120')).toBe(2);
      expect(err.join('\n')).toMatch(/--expect-head must be POSITION:HASH .*, got "120"/);
      expect(err.join('\n')).toMatch(/Gebruik \/ usage: npm run cli -- verify \[--expect-head POSITION:HASH\]/);
    });
  });

  it('exits the ledger-cli process with code 1 and one line naming the position', async () => {
    asAttacker((db) => db.prepare('DELETE FROM events WHERE position = 7').run());
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../../apps/ledger-cli/src/main.ts'), 'verify'],
      { env: { ...process.env, LEDGER_DATA_DIR: dir, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ledger-cli: broken at position 7: position 7 is missing: an event was deleted\n',
    });
  }, 90_000);

  it('says that verification is not available on KurrentDB, which keeps no chain', async () => {
    process.env.LEDGER_EVENT_STORE_URL = 'kurrentdb://127.0.0.1:1?tls=false';
    try {
      const failure: unknown = await cli('verify').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ChainNotAvailableError);
      expect((failure as Error).message).toMatch(/^verification is not available on KurrentDB: /);
    } finally {
      delete process.env.LEDGER_EVENT_STORE_URL;
    }
  });
});

describe('Tamper-evident log: the embedded store', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-chain-'));
    file = join(dir, 'ledger.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one chain when two writers append to the same file at once', async () => {
    const first = new SqliteEventStore({ file });
    const second = new SqliteEventStore({ file });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? first : second).append(`meeting-${i % 5}`, [attendanceRecorded(i)], 'any'),
      ),
    );
    const verdict = await first.verifyChain();
    await Promise.all([first.close(), second.close()]);

    expect(verdict).toMatchObject({ intact: true, events: 40, headPosition: 40n });
  });

  it('walks the log in pages and finds a hole at the edge of one', async () => {
    const store = new SqliteEventStore({ file, verifyPageSize: 10 });
    for (let i = 0; i < 35; i += 5) {
      await store.append(
        `meeting-${i}`,
        [0, 1, 2, 3, 4].map((k) => attendanceRecorded(i + k)),
        'no_stream',
      );
    }
    const intact = await store.verifyChain();
    await store.close();
    const db = new Database(file);
    db.exec('DROP TRIGGER events_are_permanent');
    db.prepare('DELETE FROM events WHERE position = 20').run();
    db.close();
    const reopened = new SqliteEventStore({ file, verifyPageSize: 10 });
    const broken = await reopened.verifyChain();
    await reopened.close();

    expect(intact).toMatchObject({ intact: true, events: 35, headPosition: 35n });
    expect(broken).toEqual({
      intact: false,
      position: 20n,
      kind: 'position-missing',
      reason: 'position 20 is missing: an event was deleted',
    });
  });

  it('hashes names that need escaping in JSON exactly as SQLite reads them back', async () => {
    const store = new SqliteEventStore({ file });
    for (const [i, name] of [
      'party-"aanhalingstekens"',
      'party-back\\slash',
      'party-ĳssel-’s-café-🏘️',
      'party-​zwj',
    ].entries()) {
      await store.append(
        name,
        [
          {
            ...attendanceRecorded(i),
            type: `Type"${name}`,
            metadata: { occurredAt: '2023-05-18T14:00:00Z', actor: name, causationId: name },
          },
        ],
        'no_stream',
      );
    }
    expect(await store.verifyChain()).toMatchObject({ intact: true, events: 4 });
    await store.close();
  });

  it('refuses a name holding a lone surrogate, which SQLite could not store as it is', async () => {
    const store = new SqliteEventStore({ file });
    await expect(store.append('party-\ud83d', [attendanceRecorded(1)], 'no_stream')).rejects.toThrow(
      InvalidAppendError,
    );
    await store.close();
  });

  it('reports an empty log intact, with 64 zeros as its head hash', async () => {
    const store = new SqliteEventStore({ file });
    expect(await store.verifyChain()).toEqual({
      intact: true,
      events: 0,
      headPosition: undefined,
      headHash: GENESIS_HASH,
    });
    await store.close();
  });

  it('upgrades a file of the previous schema, chaining its events as they were, in one transaction', async () => {
    writeVersion1Store(file, 25);

    const store = new SqliteEventStore({ file });
    const upgraded = await store.readAll({ maxCount: 100 });
    const verdict = await store.verifyChain();
    await store.append('meeting-after-upgrade', [attendanceRecorded(99)], 'no_stream');
    const afterAppend = await store.verifyChain();
    await store.close();

    expect(upgraded.map((e) => [e.position, e.streamName, e.data.n, e.metadata])).toEqual(
      Array.from({ length: 25 }, (_, i) => [
        BigInt(i + 1),
        streamOf(i),
        i,
        i % 2
          ? { occurredAt: '2023-05-18T14:00:00+02:00', correlationId: `c-${i}`, actor: 'programme-team' }
          : { occurredAt: '2023-05-18T14:00:00+02:00' },
      ]),
    );
    expect(upgraded[0].hash).toBe(
      chainHash(GENESIS_HASH, canonicalEvent({ ...upgraded[0], dataJson: JSON.stringify(upgraded[0].data) })),
    );
    expect(verdict).toEqual({ intact: true, events: 25, headPosition: 25n, headHash: upgraded[24].hash });
    expect(afterAppend).toMatchObject({ intact: true, events: 26 });
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual([
      'events_are_immutable',
      'events_are_permanent',
    ]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'events_v1'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('GET /audit/chain', () => {
  it('answers intact with the head hash, or the position where the chain breaks', async () => {
    const api = await startLedgerApi();
    try {
      await api.store.append('meeting-audit', [attendanceRecorded(1), attendanceRecorded(2)], 'no_stream');
      const head = (await api.eventsAfter(undefined)).at(-1)!;

      const intact = await api.get('/audit/chain');
      const expected = await api.get(`/audit/chain?expectHead=${head.position}:${head.hash}`);
      const wrong = await api.get(`/audit/chain?expectHead=${head.position}:${'0'.repeat(64)}`);
      const malformed = await api.get('/audit/chain?expectHead=zeven');

      expect(intact).toMatchObject({
        status: 200,
        body: { intact: true, events: Number(head.position), headPosition: String(head.position), headHash: head.hash },
      });
      expect(expected.body).toEqual(intact.body);
      expect(wrong).toMatchObject({
        status: 200,
        body: { intact: false, position: String(head.position), kind: 'expected-head-mismatch' },
      });
      expect(malformed).toMatchObject({ status: 400, body: { code: 'invalid-input' } });
    } finally {
      await api.close();
    }
  });
});

function streamOf(i: number): string {
  return `meeting-${Math.floor(i / 6) % 11}`;
}

function attendanceRecorded(n: number): NewEvent {
  return {
    type: 'AttendanceRecorded',
    data: { meetingId: `meeting-${n % 7}`, personId: `person-${n}`, status: n % 5 ? 'present' : 'excused', n },
    metadata:
      n % 2
        ? { occurredAt: '2023-05-18T14:00:00+02:00', correlationId: `c-${n}`, actor: 'programme-team' }
        : { occurredAt: '2023-05-18T14:00:00+02:00' },
  };
}

/** What the chain hashes of a stored row, with `dataJson` in place of its data (as an attacker would write it). */
function canonicalOfRow(row: Record<string, string | number | null>, dataJson: string): string {
  return canonicalEvent({
    position: row.position as number,
    streamName: row.stream as string,
    revision: row.revision as number,
    id: row.id as string,
    type: row.type as string,
    schemaVersion: row.schema_version as number,
    dataJson,
    metadata: metadataOfRow(row),
    recordedAt: row.recorded_at as string,
  });
}

function metadataOfRow(row: Record<string, string | number | null>) {
  return {
    occurredAt: row.occurred_at as string,
    ...(row.correlation_id !== null && { correlationId: row.correlation_id as string }),
    ...(row.causation_id !== null && { causationId: row.causation_id as string }),
    ...(row.actor !== null && { actor: row.actor as string }),
  };
}

/** A store as samen-ledger wrote it before the chain (schema version 1). */
function writeVersion1Store(file: string, count: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
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
    CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
    CREATE TRIGGER events_are_permanent BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are permanent'); END;
  `);
  const insert = db.prepare(
    `INSERT INTO events (stream, revision, id, type, schema_version, data, occurred_at, correlation_id, causation_id, actor, recorded_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, NULL, ?, ?)`,
  );
  const revisions = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const event = attendanceRecorded(i);
    const stream = streamOf(i);
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    insert.run(
      stream,
      revision,
      `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      event.type,
      JSON.stringify(event.data),
      event.metadata.occurredAt,
      event.metadata.correlationId ?? null,
      event.metadata.actor ?? null,
      `2023-05-18T12:00:${String(i).padStart(2, '0')}.000Z`,
    );
  }
  db.pragma(`application_id = ${0x53414d4e}`);
  db.pragma('user_version = 1');
  db.close();
}
