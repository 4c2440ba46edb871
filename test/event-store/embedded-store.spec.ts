import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { NotALedgerStoreError, SqliteEventStore, StoreSchemaTooNewError, type NewEvent } from '@samen/event-store';

/** What only the embedded adapter promises, beyond the shared contract. */
describe('Embedded SQLite event store', () => {
  let dir: string;
  let file: string;
  const open = () => new SqliteEventStore({ file });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-embedded-'));
    file = join(dir, 'ledger.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('numbers the log 1, 2, 3, … without gaps, also across refused appends in one group commit', async () => {
    const store = open();
    await store.append('meeting-1', [attended(0)], 'no_stream');
    const outcomes = await Promise.allSettled([
      store.append('meeting-2', [attended(1), attended(2)], 'no_stream'),
      store.append('meeting-1', [attended(3)], 'no_stream'), // refused: the stream exists
      store.append('meeting-3', [attended(4)], 'no_stream'),
    ]);
    const all = await store.readAll({ maxCount: 100 });
    await store.close();

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(all.map((e) => Number(e.position))).toEqual([1, 2, 3, 4]);
    expect(all.map((e) => e.data.n)).toEqual([0, 1, 2, 4]);
  });

  it('keeps recorded times in non-decreasing order along the log', async () => {
    const store = open();
    for (let i = 0; i < 20; i++) await store.append(`s-${i % 3}`, [attended(i)], 'any');
    const times = (await store.readAll({ maxCount: 100 })).map((e) => e.recordedAt);
    await store.close();
    expect(times).toEqual([...times].sort());
  });

  it('keeps its events when closed and opened again', async () => {
    const first = open();
    await first.append('party-vsbfonds', [attended(1), attended(2)], 'no_stream');
    await first.close();
    const second = open();
    await expect(second.append('party-vsbfonds', [attended(3)], 1)).resolves.toMatchObject({ nextExpectedRevision: 2 });
    expect((await second.readStream('party-vsbfonds')).map((e) => e.data.n)).toEqual([1, 2, 3]);
    await second.close();
  });

  it('finishes an append that is still queued when the store is closed', async () => {
    const store = open();
    const pending = store.append('handover-1', [attended(1)], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });
    const reopened = open();
    expect(await reopened.readStream('handover-1')).toHaveLength(1);
    await reopened.close();
  });

  it('refuses to edit or delete a stored event, even through SQL', async () => {
    const store = open();
    await store.append('commitment-1', [attended(1)], 'no_stream');
    await store.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/permanent/);
    db.close();
  });

  it('delivers events that another process appends to the same file', async () => {
    const reader = new SqliteEventStore({ file, foreignWritePollMs: 20 });
    const writer = new SqliteEventStore({ file });
    const received = firstValueFrom(reader.subscribeToAll().pipe(take(2), toArray()));
    await writer.append('payment-1', [attended(1), attended(2)], 'no_stream');
    expect((await received).map((e) => e.data.n)).toEqual([1, 2]);
    await writer.close();
    await reader.close();
  });

  describe('refusing a file it must not touch', () => {
    it('refuses a text file and leaves it as it was', () => {
      writeFileSync(file, 'naam;gemeente\nAnna;Vaals\n');
      expect(open).toThrow(NotALedgerStoreError);
      expect(readFileSync(file, 'utf8')).toBe('naam;gemeente\nAnna;Vaals\n');
    });

    it('refuses another application’s SQLite database and leaves it as it was', () => {
      const other = new Database(file);
      other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Anna')");
      other.close();
      const before = readFileSync(file);
      expect(open).toThrow(/not a samen-ledger store/);
      expect(readFileSync(file).equals(before)).toBe(true);
    });

    it('refuses a store written by a newer schema and leaves it as it was', async () => {
      const store = open();
      await store.append('programme-samen', [attended(1)], 'no_stream');
      await store.close();
      const db = new Database(file);
      db.pragma('journal_mode = DELETE');
      db.pragma('user_version = 99');
      db.close();
      const before = readFileSync(file);
      expect(open).toThrow(StoreSchemaTooNewError);
      expect(readFileSync(file).equals(before)).toBe(true);
    });
  });

  it('keeps every acknowledged append when its process is killed with SIGKILL', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'fixtures', 'append-until-killed.ts'), file],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acknowledged: bigint[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      acknowledged.push(...lines.map((line) => BigInt(line)));
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the writer acknowledged too little in time')), 20_000);
      const check = setInterval(() => {
        if (acknowledged.length >= 300) {
          clearInterval(check);
          clearTimeout(timer);
          resolve();
        }
      }, 5);
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const store = open();
    const stored = new Set<bigint>();
    for (
      let page = await store.readAll({ maxCount: 1000 });
      page.length > 0;
      page = await store.readAll({ after: page[page.length - 1].position, maxCount: 1000 })
    ) {
      for (const event of page) stored.add(event.position);
    }
    await store.close();
    const lost = acknowledged.filter((position) => !stored.has(position));
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
  });
});

function attended(n: number): NewEvent {
  return { type: 'AttendanceRecorded', data: { n }, metadata: { occurredAt: '2023-05-18T14:00:00+02:00' } };
}
