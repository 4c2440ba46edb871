import { Client } from 'pg';
import {
  canonicalEvent,
  chainHash,
  GENESIS_HASH,
  type GlobalPosition,
  type NewEvent,
  PostgresEventStore,
  type RecordedEvent,
  StoreSchemaTooNewError,
  StoreUnreachableError,
} from '@samen/event-store';
import { asOperatorOn, describeWithPostgres } from '../support/postgres-cluster';

/** What only the PostgreSQL adapter promises or risks, beyond the shared contract (ADR 0008). */
describeWithPostgres('PostgreSQL event store', (cluster) => {
  let url: string;
  const opened: PostgresEventStore[] = [];
  const open = async (options: { pollMs?: number } = {}) => {
    const store = await PostgresEventStore.open({ connectionString: url, ...options });
    opened.push(store);
    return store;
  };
  const asOperator = <T>(work: (client: Client) => Promise<T>) => asOperatorOn(url, work);

  beforeEach(async () => {
    url = await cluster().newDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('concurrent writers', () => {
    it('shows a tailing reader and a subscriber every acknowledged event exactly once, in order, with no gap that later fills', async () => {
      // Given four writers (four pools, as four API instances would have) and one reader
      const writers = await Promise.all([open(), open(), open(), open()]);
      const reader = await open({ pollMs: 20 });
      const subscribed = follow(reader);
      let writing = true;
      const tailed = tailReadAll(reader, () => writing);

      // When they append to shared meeting streams all at once
      const acknowledged = await writeConcurrently(writers);
      writing = false;
      const tail = await tailed;
      await waitFor(() => subscribed.seen.length >= acknowledged.length);
      subscribed.stop();

      // Then each reader saw positions 1, 2, 3, … in order: had one skipped a position that
      // committed later, it would never have read it, and the list would have a hole
      const every = acknowledged.map((_, i) => BigInt(i + 1));
      expect(tail.map((e) => e.position)).toEqual(every);
      expect(subscribed.seen.map((e) => e.position)).toEqual(every);
      expect(new Set(acknowledged)).toEqual(new Set(every));
      // and each stream's revisions follow one another in the global order
      for (const name of new Set(tail.map((e) => e.streamName))) {
        const revisions = tail.filter((e) => e.streamName === name).map((e) => e.revision);
        expect(revisions).toEqual(revisions.map((_, i) => i));
      }
    });

    it('chains every event to the one before it, as the embedded store does, whichever writer appended it', async () => {
      const writers = await Promise.all([open(), open(), open()]);
      const acknowledged = await writeConcurrently(writers);

      const events = await readEverything(writers[0]);
      const verification = await writers[1].verifyChain();

      expect(verification).toEqual({
        intact: true,
        events: acknowledged.length,
        headPosition: BigInt(acknowledged.length),
        headHash: events[events.length - 1].hash,
      });
      // Recomputed from what a reader gets back, by the one definition of ADR 0006.
      let previous = GENESIS_HASH;
      for (const event of events) {
        expect(event.hash).toBe(
          chainHash(previous, canonicalEvent({ ...event, dataJson: JSON.stringify(event.data) })),
        );
        previous = event.hash!;
      }
    });

    it('keeps recorded times, taken from the database clock, in non-decreasing order along the log', async () => {
      const writers = await Promise.all([open(), open()]);
      await writeConcurrently(writers);
      const times = (await readEverything(writers[0])).map((e) => e.recordedAt);
      expect(times.every((time) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(time))).toBe(true);
      expect([...times].sort()).toEqual(times);
    });
  });

  describe('writing the values', () => {
    const awkward = [
      "it's a quote",
      "back\\slash and \\' both",
      "'); DROP TABLE samen_ledger.events; --",
      'E\'x\' and $$dollar$$ and {"array",1}',
      'Gemeente Súdwest-Fryslân — één 🙂',
      '\\',
    ];

    it('stores quotes, backslashes and other awkward text exactly, in stream names, types and data', async () => {
      const store = await open();
      const events: NewEvent[] = awkward.map((text, i) => ({
        type: `Awkward'\\${i}`,
        data: { text, nested: { list: [text, null, i] } },
        metadata: { occurredAt: '2022-12-01T10:00:00+01:00', actor: text, correlationId: text, causationId: text },
      }));
      const stream = "party-o'brien\\x";

      await store.append(stream, events, 'no_stream');
      const read = await store.readStream(stream);

      expect(read.map((e) => [e.type, e.data, e.metadata.actor])).toEqual(
        events.map((e) => [e.type, e.data, e.metadata.actor]),
      );
      expect(await store.verifyChain()).toMatchObject({ intact: true });
    });

    it('writes a group of more than a thousand events (appends queued together) in one chain', async () => {
      const store = await open();
      const batch = () =>
        Array.from({ length: 600 }, (_, i) => ({
          type: 'Awkward',
          data: { text: awkward[i % awkward.length], i },
          metadata: { occurredAt: '2022-12-01T10:00:00+01:00' },
        }));

      const results = await Promise.all([0, 1, 2].map((n) => store.append(`big-${n}`, batch(), 'no_stream')));

      expect(results.map((r) => r.position)).toEqual([600n, 1200n, 1800n]);
      expect((await store.readStream('big-2'))[599].data).toEqual({ text: awkward[599 % awkward.length], i: 599 });
      expect(await store.verifyChain()).toMatchObject({ intact: true });
    });
  });

  describe('tamper evidence', () => {
    it('refuses to change, delete or truncate stored events', async () => {
      const store = await open();
      await store.append('meeting-vaals-m1', [annaPresent], 'no_stream');
      await asOperator(async (client) => {
        await expect(client.query(`UPDATE samen_ledger.events SET type = 'AttendanceCorrected'`)).rejects.toThrow(
          /immutable/,
        );
        await expect(client.query('DELETE FROM samen_ledger.events')).rejects.toThrow(/immutable/);
        await expect(client.query('TRUNCATE samen_ledger.events')).rejects.toThrow(/immutable/);
      });
      expect(await store.readStream('meeting-vaals-m1')).toHaveLength(1);
    });

    it('names the position of an event changed behind the store', async () => {
      const store = await open();
      for (let i = 0; i < 10; i++) await store.append(`meeting-vaals-m${i}`, [annaPresent], 'no_stream');
      await asOperator(async (client) => {
        await client.query('ALTER TABLE samen_ledger.events DISABLE TRIGGER events_are_immutable');
        await client.query(`UPDATE samen_ledger.events SET data = '{"personId":"p-bert"}' WHERE position = 7`);
      });
      await expect(store.verifyChain()).resolves.toMatchObject({
        intact: false,
        position: 7n,
        kind: 'content-changed',
      });
    });
  });

  describe('schema', () => {
    it('is created once when several instances start on an empty database at the same time', async () => {
      const stores = await Promise.all([open(), open(), open()]);
      await stores[0].append('meeting-vaals-m1', [annaPresent], 'no_stream');
      const versions = await asOperator((client) => client.query('SELECT version FROM samen_ledger.schema_version'));
      expect(versions.rows).toEqual([{ version: 2 }]);
      expect(await stores[2].readStream('meeting-vaals-m1')).toHaveLength(1);
    });

    it('says which server it cannot reach, without its password', async () => {
      const nowhere = url.replace(/:\d+\//, ':1/').replace('//ledger@', '//ledger:geheim@');

      const refusal = await PostgresEventStore.open({ connectionString: nowhere }).catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(StoreUnreachableError);
      expect((refusal as Error).message).toMatch(
        /^PostgreSQL at postgres:\/\/ledger:\*\*\*@127\.0\.0\.1:1\/\w+ cannot be used: .*ECONNREFUSED/,
      );
    });

    it('refuses a database written by a newer samen-ledger, and leaves it untouched', async () => {
      const store = await open();
      await store.append('meeting-vaals-m1', [annaPresent], 'no_stream');
      await asOperator((client) => client.query('UPDATE samen_ledger.schema_version SET version = 3'));

      const refusal = await PostgresEventStore.open({ connectionString: url }).catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(StoreSchemaTooNewError);
      expect((refusal as Error).message).toMatch(
        /newer samen-ledger \(schema 3; this version reads up to 2\).*untouched/,
      );
      expect(await store.readStream('meeting-vaals-m1')).toHaveLength(1);
    });
  });

  describe('waking readers', () => {
    it('wakes a subscriber in another instance through a notification, without waiting for its poll', async () => {
      const subscriber = await open({ pollMs: 60_000 });
      const writer = await open();
      const { seen, stop } = follow(subscriber);
      await waitForListener();

      await writer.append('meeting-vaals-m1', [annaPresent], 'no_stream');

      await waitFor(() => seen.length === 1, 3000);
      stop();
    });

    it('still delivers by polling when its notification connection is killed', async () => {
      const subscriber = await open({ pollMs: 100 });
      const writer = await open();
      const { seen, stop } = follow(subscriber);
      await waitForListener();
      await asOperator((client) =>
        client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'`),
      );

      await writer.append('meeting-vaals-m1', [annaPresent], 'no_stream');
      await writer.append('meeting-vaals-m2', [annaPresent], 'no_stream');

      await waitFor(() => seen.length === 2, 3000);
      expect(seen.map((e) => e.streamName)).toEqual(['meeting-vaals-m1', 'meeting-vaals-m2']);
      stop();
    });

    /** The subscriber's LISTEN connection is up once the server shows it. */
    const waitForListener = () =>
      waitForAsync(() =>
        asOperator(async (client) => {
          const { rows } = await client.query(`SELECT 1 FROM pg_stat_activity WHERE query LIKE 'LISTEN %'`);
          return rows.length > 0;
        }),
      );
  });

  describe('durability', () => {
    it('keeps every acknowledged append through a crash of the server', async () => {
      const store = await open();
      const acknowledged = await writeConcurrently([store]);
      const head = await store.headPosition();
      await store.close();

      await cluster().crash();
      await cluster().restart();

      const reopened = await open();
      expect(await reopened.headPosition()).toBe(head);
      expect((await readEverything(reopened)).map((e) => e.position)).toEqual(acknowledged.sort(byPosition));
      await expect(reopened.verifyChain()).resolves.toMatchObject({ intact: true, events: acknowledged.length });
    });

    it('keeps every acknowledged append through a crash also where the database has synchronous_commit off', async () => {
      await asOperator((client) =>
        client.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET synchronous_commit = off`),
      );
      const store = await open();
      const acknowledged = await writeConcurrently([store]);

      // At once: without a synchronous commit the last commits would still be in the WAL buffers.
      await cluster().crash();
      await cluster().restart();

      const reopened = await open();
      expect(await reopened.headPosition()).toBe(BigInt(acknowledged.length));
    });

    it('refuses appends while the server is away, as unreachable, and goes on once it is back', async () => {
      const store = await open();
      await store.append('meeting-vaals-m1', [annaPresent], 'no_stream');

      await cluster().crash();
      const refusal = await store.append('meeting-vaals-m2', [annaPresent], 'no_stream').catch((e: unknown) => e);
      const reading = await store.readStream('meeting-vaals-m1').catch((e: unknown) => e);
      await cluster().restart();

      expect(refusal).toBeInstanceOf(StoreUnreachableError);
      expect((refusal as Error).message).toMatch(/nothing was written|may or may not have been committed/);
      expect(reading).toBeInstanceOf(StoreUnreachableError);
      await expect(store.append('meeting-vaals-m2', [annaPresent], 'no_stream')).resolves.toMatchObject({
        position: 2n,
      });
    });

    it('keeps a subscription going through a restart of the server, without a gap or a repeat', async () => {
      const store = await open({ pollMs: 50 });
      const subscribed = follow(store);
      await store.append('meeting-vaals-m1', [annaPresent], 'no_stream');
      await waitFor(() => subscribed.seen.length === 1);

      await cluster().crash();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await cluster().restart();
      await store.append('meeting-vaals-m2', [annaPresent], 'no_stream');

      await waitFor(() => subscribed.seen.length === 2);
      subscribed.stop();
      expect(subscribed.seen.map((e) => [e.position, e.streamName])).toEqual([
        [1n, 'meeting-vaals-m1'],
        [2n, 'meeting-vaals-m2'],
      ]);
    });
  });
});

const annaPresent: NewEvent = {
  type: 'AttendanceRecorded',
  data: { personId: 'p-anna', present: true },
  metadata: { occurredAt: '2023-05-10T19:30:00+02:00', actor: 'principal-kernteam' },
};

/** A mark per person at a meeting: one or more events per append. */
function marks(count: number, round: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'AttendanceRecorded',
    data: { personId: `p-${round}-${i}`, present: i % 2 === 0 },
    metadata: { occurredAt: new Date(Date.UTC(2023, 4, 10, 17, 30) + round * 60_000).toISOString() },
  }));
}

/**
 * Every writer runs six tasks at once, each appending twenty times one to three marks to one
 * of eight meeting streams that all writers share. Resolves with every acknowledged position.
 */
async function writeConcurrently(writers: readonly PostgresEventStore[]): Promise<GlobalPosition[]> {
  const acknowledged: GlobalPosition[] = [];
  await Promise.all(
    writers.flatMap((writer, w) =>
      Array.from({ length: 6 }, async (_, task) => {
        for (let round = 0; round < 20; round++) {
          const count = 1 + ((w + task + round) % 3);
          const { position } = await writer.append(`meeting-${(task + round) % 8}`, marks(count, round), 'any');
          for (let i = count - 1; i >= 0; i--) acknowledged.push(position - BigInt(i));
        }
      }),
    ),
  );
  return acknowledged;
}

/** A subscriber from the start of the log, keeping what it is given. */
function follow(store: PostgresEventStore): { seen: RecordedEvent[]; stop: () => void } {
  const seen: RecordedEvent[] = [];
  const subscription = store.subscribeToAll().subscribe((event) => seen.push(event));
  return { seen, stop: () => subscription.unsubscribe() };
}

/** Reads the log page after page while `going()`, and once more after it stops. */
async function tailReadAll(store: PostgresEventStore, going: () => boolean): Promise<RecordedEvent[]> {
  const read: RecordedEvent[] = [];
  for (let last = false; ;) {
    const stillGoing = going();
    const page = await store.readAll({ after: read[read.length - 1]?.position, maxCount: 50 });
    read.push(...page);
    if (page.length === 0) {
      if (last) return read;
      last = !stillGoing;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

async function readEverything(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let page = await store.readAll({ maxCount: 500 }); page.length > 0;) {
    events.push(...page);
    page = await store.readAll({ after: page[page.length - 1].position, maxCount: 500 });
  }
  return events;
}

const byPosition = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  await waitForAsync(async () => condition(), timeoutMs);
}

async function waitForAsync(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
