import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meetingDecider } from '@samen/attendance';
import { loadState } from '@samen/command-handling';
import { commitmentDecider } from '@samen/commitments';
import { projectionEventOf, SqliteEventStore, type EventStore, type RecordedEvent } from '@samen/event-store';
import { LEDGER_UPCASTER } from '@samen/ledger-events';
import { invoiceDecider, paymentDecider } from '@samen/money';
import { roleDecider } from '@samen/roles';
import { partyDecider, personDecider, programmeDecider } from '@samen/structure';
import { replay, toLedgerFact } from '@samen/views';
import { viewsContent } from '@samen/views/testing';
import { loadDemoIfEmpty } from '../../apps/ledger-api/src/facts-import/demo';
import { startLedgerApi } from '../support/ledger-api';

/**
 * test/fixtures/v1-log.jsonl is the demo's log as samen-ledger stored it at 1769fa9, before
 * events had types of their own and an upcaster: every fact at schema version 1. Read by
 * today's code, it must give the views and the stream states that code gave then (the
 * snapshots beside this file were written by it). Never regenerate the log: it stands for
 * a store that exists.
 */
const LOG = join(__dirname, '..', 'fixtures', 'v1-log.jsonl');

// Each stream is folded by the decider of its entity.
const FOLD: Record<string, (store: EventStore, stream: string) => Promise<unknown>> = {
  programme: (store, stream) => loadState(store, stream, programmeDecider),
  party: (store, stream) => loadState(store, stream, partyDecider),
  person: (store, stream) => loadState(store, stream, personDecider),
  role: (store, stream) => loadState(store, stream, roleDecider),
  meeting: (store, stream) => loadState(store, stream, meetingDecider),
  commitment: (store, stream) => loadState(store, stream, commitmentDecider),
  payment: (store, stream) => loadState(store, stream, paymentDecider),
  invoice: (store, stream) => loadState(store, stream, invoiceDecider),
};

function storedEvents(): RecordedEvent[] {
  return readFileSync(LOG, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const event = JSON.parse(line) as RecordedEvent & { position: string };
      return { ...event, position: BigInt(event.position) };
    });
}

describe('a version 1 log written before event types had their own declarations', () => {
  const events = storedEvents();

  it('gives the views it gave when it was written', () => {
    const views = replay(events.map((event) => toLedgerFact(projectionEventOf(event))));
    // Reflections came later: that log has none, and the views it had are as they were.
    const { reflections, ...viewsThen } = viewsContent(views);
    expect(reflections.byId.size).toBe(0);
    expect(viewsThen).toMatchSnapshot();
  });

  describe('appended to a store', () => {
    let dir: string;
    let store: SqliteEventStore;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'samen-ledger-v1-log-'));
      store = new SqliteEventStore({ file: join(dir, 'ledger.db') });
      for (const { streamName, type, schemaVersion, data, metadata } of events) {
        await store.append(streamName, [{ type, schemaVersion, data, metadata }], 'any');
      }
    });

    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('folds every stream to the state its decider folded it to then', async () => {
      const streams = [...new Set(events.map((event) => event.streamName))];
      const states: Record<string, unknown> = {};
      for (const stream of streams) {
        states[stream] = await FOLD[stream.slice(0, stream.indexOf('-'))](store, stream);
      }
      expect(states).toMatchSnapshot();
    });
  });

  it('is what today’s code records for the demo, fact for fact, read in the current shape, but for ids, hashes and recording times', async () => {
    const api = await startLedgerApi();
    try {
      await loadDemoIfEmpty(api.app);
      const recorded = await api.eventsAfter(undefined);
      // Today's code writes each type at its current version (commitments at 2, with their
      // visibility); read through the upcaster, the old log and today's say the same.
      const asRead = ({ id: _id, hash: _hash, recordedAt: _recordedAt, schemaVersion, ...fact }: RecordedEvent) => ({
        ...fact,
        data: LEDGER_UPCASTER.upcast(fact.type, schemaVersion, fact.data),
      });

      expect(recorded.map(asRead)).toStrictEqual(events.map(asRead));
      expect(recorded.map((fact) => fact.schemaVersion)).toEqual(
        recorded.map((fact) => LEDGER_UPCASTER.currentVersion(fact.type)),
      );
      expect(events.every((fact) => fact.schemaVersion === 1)).toBe(true);
    } finally {
      await api.close();
    }
  });
});
