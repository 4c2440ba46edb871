import { randomUUID } from 'node:crypto';
import { firstValueFrom, take, toArray } from 'rxjs';
import {
  projectionEventOf,
  type GlobalPosition,
  type NewEvent,
  type ProjectionEvent,
  type RecordedEvent,
} from '../envelope';
import { InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import type { EventStore } from '../event-store.port';

/** Opens a store for one test; `dispose` closes it and removes what it made. */
export interface StoreUnderTest {
  readonly store: EventStore;
  readonly dispose: () => Promise<void>;
}

/**
 * The behaviour every adapter of the {@link EventStore} port must show. Streams get a fresh
 * name per test, so the suite also runs against a shared server that holds other data.
 */
export function eventStoreContract(open: () => Promise<StoreUnderTest>): void {
  let subject: StoreUnderTest;
  let store: EventStore;
  let run: string;
  const stream = (name: string) => `${name}-${run}`;

  beforeEach(async () => {
    subject = await open();
    store = subject.store;
    run = randomUUID().slice(0, 8);
  });
  afterEach(async () => {
    await subject.dispose();
  });

  describe('append and read back', () => {
    it('returns every field of an appended event exactly as written', async () => {
      const data = {
        commitmentId: 'c-tynaarlo-begroting',
        description: 'Plaats de Wereld in de gemeentebegroting opnemen',
        amountInCents: 2_500_000,
        to: ['gemeente-tynaarlo', 'plaats-de-wereld'],
        nested: { dueOn: '2024-01-01', recurring: null, confirmed: false, share: 0.25 },
      };
      const written = commitmentMade(data, {
        schemaVersion: 2,
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actor: 'principal-7',
      });

      const result = await store.append(stream('commitment'), [written], 'no_stream');
      const [read] = await store.readStream(stream('commitment'));

      expect(result.nextExpectedRevision).toBe(0);
      expect(read).toEqual({
        id: written.id,
        streamName: stream('commitment'),
        revision: 0,
        position: result.position,
        type: 'CommitmentMade',
        schemaVersion: 2,
        data,
        metadata: {
          occurredAt: '2023-03-14T09:30:00.000Z',
          correlationId: 'corr-1',
          causationId: 'cause-1',
          actor: 'principal-7',
        },
        recordedAt: expect.any(String),
        // The tamper-evident chain's link, where the adapter keeps one (ADR 0006).
        hash: read.hash === undefined ? undefined : expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(JSON.stringify(read.data)).toBe(JSON.stringify(data));
      expect(Number.isNaN(Date.parse(read.recordedAt))).toBe(false);
    });

    it('keeps unicode and control characters in data intact', async () => {
      const data = {
        text: 'Vaals – ’s-Hertogenbosch – IJsselmonde – ĳ – café – 🏘️🤝 – مرحبا – \u0000\u001f – \ud83d',
        keys: { 'sleutel met spatie': 1, 'ü-€': 2 },
      };
      await store.append(stream('unicode'), [commitmentMade(data)], 'any');
      const [read] = await store.readStream(stream('unicode'));
      expect(read.data).toEqual(data);
    });

    it('stores and returns a one-mebibyte payload', async () => {
      const data = { evidence: 'x'.repeat(1024 * 1024) };
      await store.append(stream('large'), [commitmentMade(data)], 'any');
      const [read] = await store.readStream(stream('large'));
      expect((read.data as typeof data).evidence).toHaveLength(1024 * 1024);
      expect(read.data).toEqual(data);
    });

    it('gives an absent stream as an empty list', async () => {
      await expect(store.readStream(stream('never-written'))).resolves.toEqual([]);
    });

    it('generates a uuid when the event has none', async () => {
      await store.append(
        stream('no-id'),
        [{ type: 'PartyRegistered', data: { name: 'VSBfonds' }, metadata: { occurredAt: '2022-12-01T00:00:00Z' } }],
        'any',
      );
      const [read] = await store.readStream(stream('no-id'));
      expect(read.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(read.schemaVersion).toBe(1);
    });
  });

  describe('reading a stream', () => {
    beforeEach(async () => {
      await store.append(stream('meeting'), numbered(5), 'no_stream');
    });

    it('reads forwards from a revision with a limit', async () => {
      const events = await store.readStream(stream('meeting'), { fromRevision: 1, maxCount: 3 });
      expect(events.map((e) => [e.revision, e.data.n])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
    });

    it('reads backwards from the end or from a revision', async () => {
      const fromEnd = await store.readStream(stream('meeting'), { direction: 'backwards', maxCount: 2 });
      const fromTwo = await store.readStream(stream('meeting'), { direction: 'backwards', fromRevision: 2 });
      expect(fromEnd.map((e) => e.revision)).toEqual([4, 3]);
      expect(fromTwo.map((e) => e.revision)).toEqual([2, 1, 0]);
    });
  });

  describe('expected revision', () => {
    it('"no_stream" creates a stream and refuses once it exists, naming the actual revision', async () => {
      await store.append(stream('s'), numbered(2), 'no_stream');
      const refusal = await store.append(stream('s'), numbered(1), 'no_stream').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
      expect(refusal).toMatchObject({ streamName: stream('s'), expected: 'no_stream', actual: 1 });
    });

    it('"stream_exists" refuses an absent stream and appends to an existing one', async () => {
      const refusal = await store.append(stream('s'), numbered(1), 'stream_exists').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
      expect(refusal).toMatchObject({ actual: undefined });
      await store.append(stream('s'), numbered(1), 'no_stream');
      await expect(store.append(stream('s'), numbered(1), 'stream_exists')).resolves.toMatchObject({
        nextExpectedRevision: 1,
      });
    });

    it('"any" appends whatever the state', async () => {
      await expect(store.append(stream('s'), numbered(1), 'any')).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expect(store.append(stream('s'), numbered(2), 'any')).resolves.toMatchObject({ nextExpectedRevision: 2 });
    });

    it('an exact revision appends only when it is the current one', async () => {
      await store.append(stream('s'), numbered(3), 'no_stream');
      for (const stale of [0, 1, 3, 7]) {
        const refusal = await store.append(stream('s'), numbered(1), stale).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
        expect(refusal).toMatchObject({ expected: stale, actual: 2 });
      }
      await expect(store.append(stream('s'), numbered(1), 2)).resolves.toMatchObject({ nextExpectedRevision: 3 });
      expect(await store.readStream(stream('s'))).toHaveLength(4);
    });

    it('an exact revision on an absent stream is refused', async () => {
      const refusal = await store.append(stream('absent'), numbered(1), 0).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream('absent'))).toEqual([]);
    });
  });

  describe('concurrency and atomicity', () => {
    it('lets exactly one of many concurrent appends at the same revision win', async () => {
      await store.append(stream('race'), numbered(1), 'no_stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, writer) => store.append(stream('race'), [numberedEvent(100 + writer)], 0)),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(9);
      for (const loss of lost) expect(loss.reason).toMatchObject({ code: 'wrong-expected-revision', actual: 1 });
      expect(await store.readStream(stream('race'))).toHaveLength(2);
    });

    it('writes all events of an append or, on a conflict, none', async () => {
      await store.append(stream('batch'), numbered(1), 'no_stream');
      await expect(store.append(stream('batch'), numbered(5), 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      const result = await store.append(stream('batch'), numbered(5), 0);
      const events = await store.readStream(stream('batch'));
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(result).toMatchObject({ nextExpectedRevision: 5, position: events[5].position });
    });

    it('refuses invalid input before writing anything', async () => {
      const before = await store.headPosition();
      const valid = numberedEvent(1);
      const refusals: [string, Promise<unknown>][] = [
        ['empty stream name', store.append('', [valid], 'any')],
        ['stream name with a newline', store.append('a\nb', [valid], 'any')],
        ['stream name too long', store.append('s'.repeat(201), [valid], 'any')],
        ['empty type', store.append(stream('bad'), [{ ...valid, type: '' }], 'any')],
        ['type with a tab', store.append(stream('bad'), [{ ...valid, type: 'Commitment\tMade' }], 'any')],
        ['negative revision', store.append(stream('bad'), [valid], -1)],
        ['fractional revision', store.append(stream('bad'), [valid], 1.5)],
        ['no events', store.append(stream('bad'), [], 'any')],
        ['a date in data', store.append(stream('bad'), [{ ...valid, data: { on: new Date() } as never }], 'any')],
        ['undefined in data', store.append(stream('bad'), [{ ...valid, data: { a: undefined } as never }], 'any')],
        ['NaN in data', store.append(stream('bad'), [{ ...valid, data: { a: Number.NaN } }], 'any')],
        ['a bigint in data', store.append(stream('bad'), [{ ...valid, data: { a: 1n } as never }], 'any')],
        ['a cycle in data', store.append(stream('bad'), [{ ...valid, data: cyclic() }], 'any')],
        ['an array as data', store.append(stream('bad'), [{ ...valid, data: [] as never }], 'any')],
        [
          'data over the size limit',
          store.append(stream('bad'), [{ ...valid, data: { x: 'x'.repeat(3 * 1024 * 1024) } }], 'any'),
        ],
        [
          'an impossible occurredAt',
          store.append(stream('bad'), [{ ...valid, metadata: { occurredAt: '2023-02-30T10:00:00Z' } }], 'any'),
        ],
        [
          'an unknown metadata field',
          store.append(stream('bad'), [{ ...valid, metadata: { ...valid.metadata, email: 'a@b.nl' } as never }], 'any'),
        ],
        ['a malformed event id', store.append(stream('bad'), [{ ...valid, id: 'not-a-uuid' }], 'any')],
        [
          'one bad event among good ones',
          store.append(stream('bad'), [valid, { ...valid, id: undefined, type: '' }], 'any'),
        ],
      ];
      for (const [why, refusal] of refusals) {
        // The reason rides along so that a failure names the case.
        expect({ why, error: await refusal.catch((e: unknown) => e) }).toEqual({
          why,
          error: expect.any(InvalidAppendError),
        });
      }
      expect(await store.readStream(stream('bad'))).toEqual([]);
      expect(await store.headPosition()).toEqual(before);
    });
  });

  describe('the global log', () => {
    it('orders events of all streams by strictly increasing position, in commit order', async () => {
      const start = await store.headPosition();
      const a = await store.append(stream('a'), numbered(2), 'any');
      const b = await store.append(stream('b'), numbered(1), 'any');
      const c = await store.append(stream('a'), numbered(1), 'any');
      const events = await readAllOf(store, start, [stream('a'), stream('b')]);
      expect(events.map((e) => `${e.streamName.split('-')[0]}${e.revision}`)).toEqual(['a0', 'a1', 'b0', 'a2']);
      expect(isStrictlyIncreasing(events.map((e) => e.position))).toBe(true);
      expect([events[1].position, events[2].position, events[3].position]).toEqual([
        a.position,
        b.position,
        c.position,
      ]);
    });

    it('pages through the log after a position', async () => {
      const start = await store.headPosition();
      await store.append(stream('paged'), numbered(7), 'any');
      const first = await store.readAll({ after: start, maxCount: 3 });
      const second = await store.readAll({ after: first[2].position, maxCount: 3 });
      expect(first.map((e) => e.data.n)).toEqual([0, 1, 2]);
      expect(second.map((e) => e.data.n)).toEqual([3, 4, 5]);
    });

    it('reads the log for projections: the same events, with what a projection applies', async () => {
      const start = await store.headPosition();
      // Every kind of ISO form the store accepts, each to be read as Date.parse reads it:
      // digits below the millisecond are cut off, not rounded; offsets up to 23:59.
      const forms = [
        '2023-01-16T12:22Z',
        '2023-01-16T12:22:05.9999Z',
        '2024-01-01T10:00:00.0005Z',
        '2023-01-16T12:22:05.123+01:30',
        '2023-01-16T12:22:05-05:00',
        '2024-01-01T10:00:00+14:00',
        '2024-01-01T10:00:00+15:00',
        '2024-01-01T10:00:00.000-23:59',
        '1969-07-20T20:17:40.000Z',
      ];
      const at = (occurredAt: string, actor?: string): NewEvent => ({
        type: 'AttendanceRecorded',
        data: { occurredAt },
        metadata: { occurredAt, ...(actor !== undefined && { actor }) },
      });
      await store.append(
        stream('lean'),
        forms.map((form, i) => at(form, i === 0 ? 'principal-7' : undefined)),
        'any',
      );
      await store.append(stream('lean-other'), [at('2024-02-29T23:59:59.999Z')], 'any');
      const count = forms.length;
      const full = await store.readAll({ after: start, maxCount: count });
      const lean = await store.readAllForProjection({ after: start, maxCount: count });
      expect(lean).toEqual(full.map(projectionEventOf));
      expect(lean.map((e) => e.occurredAt)).toEqual(forms.map((form) => Date.parse(form)));
      const rest = await store.readAllForProjection({ after: lean[count - 1].position });
      expect(rest.map((e) => [e.streamName, e.occurredAt])).toEqual([
        [stream('lean-other'), Date.parse('2024-02-29T23:59:59.999Z')],
      ]);
    });

    it('reads the log for projections up to a position', async () => {
      const start = await store.headPosition();
      await store.append(stream('bounded'), numbered(3), 'any');
      const { position: upTo } = await store.append(stream('bounded-other'), numbered(1, 3), 'any');
      await store.append(stream('bounded'), numbered(2, 4), 'any');
      const numbers = (page: ProjectionEvent[]) => page.map((e) => e.data.n);

      // Inclusive, and it ends a page early.
      const first = await store.readAllForProjection({ after: start, upTo, maxCount: 3 });
      expect(numbers(first)).toEqual([0, 1, 2]);
      expect(numbers(await store.readAllForProjection({ after: first[2].position, upTo }))).toEqual([3]);
      expect(await store.readAllForProjection({ after: upTo, upTo })).toEqual([]);
      expect(numbers(await store.readAllForProjection({ after: upTo, maxCount: 10 }))).toEqual([4, 5]);
    });

    it('reads only the types asked for, in pages of them, past events of other types', async () => {
      const start = await store.headPosition();
      const typed = (type: string, n: number): NewEvent => ({ ...numberedEvent(n), type });
      await store.append(
        stream('types'),
        [0, 1, 2, 3, 4, 5, 6, 7].map((n) => typed(n % 3 === 0 ? 'PaymentMade' : 'AttendanceRecorded', n)),
        'any',
      );
      const { position: upTo } = await store.append(stream('types-other'), [typed('InvoicePaid', 8)], 'any');
      await store.append(stream('types'), [typed('PaymentMade', 9), typed('AttendanceRecorded', 10)], 'any');
      const types = ['PaymentMade', 'InvoicePaid'];
      const numbers = (page: ProjectionEvent[]) => page.map((e) => e.data.n);

      // A page holds `maxCount` events of the types, however many others lie between them.
      const first = await store.readAllForProjection({ after: start, maxCount: 2, types });
      expect(numbers(first)).toEqual([0, 3]);
      const rest = await store.readAllForProjection({ after: first[1].position, upTo, maxCount: 10, types });
      expect(numbers(rest)).toEqual([6, 8]);
      expect(rest.every((e) => types.includes(e.type))).toBe(true);
      expect(await store.readAllForProjection({ after: upTo, upTo, types })).toEqual([]);
      expect(numbers(await store.readAllForProjection({ after: upTo, types }))).toEqual([9]);
      expect(await store.readAllForProjection({ after: start, types: [] })).toEqual([]);
    });

    it('reports the newest position as the head', async () => {
      const result = await store.append(stream('head'), numbered(3), 'any');
      expect(await store.headPosition()).toBe(result.position);
    });
  });

  describe('subscribing to all events', () => {
    it('delivers history and then live writes exactly once and in order while writes continue', async () => {
      const start = await store.headPosition();
      const historic = 300;
      const live = 300;
      for (let i = 0; i < historic; i += 50) await store.append(stream('sub'), numbered(50, i), 'any');

      const received = firstValueFrom(store.subscribeToAll({ after: start }).pipe(take(historic + live), toArray()));
      // Keep writing while the subscription catches up and crosses over to live.
      for (let i = historic; i < historic + live; i += 3) {
        await store.append(stream('sub'), numbered(3, i), 'any');
      }
      const events = (await received).filter((e) => e.streamName === stream('sub'));

      expect(events.map((e) => e.data.n)).toEqual(Array.from({ length: historic + live }, (_, i) => i));
      expect(isStrictlyIncreasing(events.map((e) => e.position))).toBe(true);
    });

    it('resumes after a checkpoint without repeating or skipping', async () => {
      const start = await store.headPosition();
      await store.append(stream('resume'), numbered(20), 'any');
      const firstRun = await firstValueFrom(store.subscribeToAll({ after: start }).pipe(take(8), toArray()));
      const checkpoint = firstRun[firstRun.length - 1].position;

      await store.append(stream('resume'), numbered(5, 20), 'any');
      const secondRun = await firstValueFrom(store.subscribeToAll({ after: checkpoint }).pipe(take(17), toArray()));

      expect([...firstRun, ...secondRun].map((e) => e.data.n)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    });

    it('stops delivering once unsubscribed', async () => {
      const start = await store.headPosition();
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ after: start }).subscribe((e) => seen.push(e));
      await store.append(stream('stop'), numbered(1), 'any');
      await waitFor(() => seen.length === 1);
      subscription.unsubscribe();
      await store.append(stream('stop'), numbered(1, 1), 'any');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen.map((e) => e.data.n)).toEqual([0]);
    });
  });
}

let occurredSequence = 0;

function commitmentMade(
  data: Record<string, unknown>,
  extra: { schemaVersion?: number; correlationId?: string; causationId?: string; actor?: string } = {},
): NewEvent & { id: string } {
  const { schemaVersion, ...metadata } = extra;
  return {
    id: randomUUID(),
    type: 'CommitmentMade',
    ...(schemaVersion !== undefined && { schemaVersion }),
    data: data as NewEvent['data'],
    metadata: { occurredAt: '2023-03-14T09:30:00.000Z', ...metadata },
  };
}

function numberedEvent(n: number): NewEvent {
  occurredSequence += 1;
  return {
    type: 'AttendanceRecorded',
    data: { n },
    metadata: { occurredAt: new Date(Date.UTC(2023, 0, 1) + occurredSequence * 60_000).toISOString() },
  };
}

function numbered(count: number, from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => numberedEvent(from + i));
}

function cyclic(): NewEvent['data'] {
  const node: Record<string, unknown> = {};
  node.self = node;
  return node as NewEvent['data'];
}

async function readAllOf(
  store: EventStore,
  after: GlobalPosition | undefined,
  streams: string[],
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (
    let page = await store.readAll({ after });
    page.length > 0;
    page = await store.readAll({ after: page[page.length - 1].position })
  ) {
    events.push(...page.filter((e) => streams.includes(e.streamName)));
  }
  return events;
}

function isStrictlyIncreasing(positions: GlobalPosition[]): boolean {
  return positions.every((p, i) => i === 0 || p > positions[i - 1]);
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
