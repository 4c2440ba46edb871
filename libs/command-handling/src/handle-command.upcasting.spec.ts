import { SqliteEventStore } from '@samen/event-store';
import {
  IllegalStateError,
  UnknownSchemaVersionError,
  Upcaster,
  type Decider,
  type DomainEvent,
} from '@samen/ledger-kernel';
import { handleCommand, loadState } from './handle-command';

/**
 * Command handling reads every stream through its decider's upcaster and appends at each
 * type's current version, on a real embedded store. The decider is this spec's own: a note
 * whose second schema version added a visibility, old notes reading as shared.
 */
type NoteTaken = DomainEvent<'NoteTaken', { noteId: string; text: string; visibility: 'shared' | 'restricted' }>;
type TakeNote = { type: 'TakeNote'; data: { noteId: string; text: string; visibility: 'shared' | 'restricted' } };
type Notes = { taken: number; restricted: number };

const noteDecider: Decider<TakeNote, NoteTaken, Notes> = {
  initialState: () => ({ taken: 0, restricted: 0 }),
  decide(command, state) {
    // A rule that reads the lifted field: at most one restricted note per stream.
    if (command.data.visibility === 'restricted' && state.restricted > 0) {
      throw new IllegalStateError('one-restricted-note', 'Eén besloten notitie. / One restricted note.');
    }
    const { noteId, text, visibility } = command.data;
    return [{ type: 'NoteTaken', data: { noteId, text, visibility } }];
  },
  evolve: (state, event) => ({
    taken: state.taken + 1,
    restricted: state.restricted + (event.data.visibility === 'restricted' ? 1 : 0),
  }),
  upcaster: new Upcaster<NoteTaken>({
    NoteTaken: { current: 2, lifts: { 1: (data) => ({ ...data, visibility: 'shared' }) } },
  }),
};

const STREAM = 'note-vaals';
const ritaNote: TakeNote = { type: 'TakeNote', data: { noteId: 'n-1', text: 'Bel Rita', visibility: 'restricted' } };
const occurredAt = '2024-03-01T10:00:00+01:00';
let commands = 0;
const envelope = () => ({ commandId: `command-${++commands}`, occurredAt });
const take = (command: TakeNote) =>
  handleCommand(store, STREAM, noteDecider, (state) => noteDecider.decide(command, state), envelope());
const appendStored = (schemaVersion: number, data: Record<string, string>) =>
  store.append(STREAM, [{ type: 'NoteTaken', schemaVersion, data, metadata: { occurredAt } }], 'any');

let store: SqliteEventStore;

beforeEach(() => {
  store = new SqliteEventStore({ file: ':memory:' });
});

afterEach(() => store.close());

describe('command handling and schema versions', () => {
  it('records each event at its type’s current version', async () => {
    await take(ritaNote);

    const [stored] = await store.readStream(STREAM);
    expect(stored.schemaVersion).toBe(2);
  });

  it('folds an event stored at an older version in its current shape', async () => {
    await appendStored(1, { noteId: 'n-0', text: 'Oud' });

    await expect(loadState(store, STREAM, noteDecider)).resolves.toEqual({ taken: 1, restricted: 0 });
    await expect(take(ritaNote)).resolves.toMatchObject({ revision: 1 });
  });

  it('leaves the stored event as it was written', async () => {
    await appendStored(1, { noteId: 'n-0', text: 'Oud' });

    await take(ritaNote);

    const [old] = await store.readStream(STREAM);
    expect([old.schemaVersion, old.data]).toEqual([1, { noteId: 'n-0', text: 'Oud' }]);
  });

  it('refuses a command on a stream holding a version newer than it knows, and appends nothing', async () => {
    await appendStored(3, { noteId: 'n-0', text: 'Uit de toekomst', visibility: 'shared', tags: 'x' });

    await expect(take(ritaNote)).rejects.toThrow(UnknownSchemaVersionError);
    await expect(take(ritaNote)).rejects.toMatchObject({ type: 'NoteTaken', schemaVersion: 3, current: 2 });
    expect(await store.readStream(STREAM)).toHaveLength(1);
  });
});
