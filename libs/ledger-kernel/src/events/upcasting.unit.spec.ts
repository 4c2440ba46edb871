import type { DomainEvent } from '../domain/decider';
import { UnknownSchemaVersionError, Upcaster, type StoredData } from './upcasting';

/**
 * Every real event type is at version 1 today, so the machinery is shown on a story of its
 * own: a note that gained a visibility (old notes were shared) and then renamed its text.
 */
type NoteTaken = DomainEvent<'NoteTaken', { body: string; visibility: 'shared' | 'restricted' }>;
type NoteRead = DomainEvent<'NoteRead', { noteId: string }>;

const notes = new Upcaster<NoteTaken | NoteRead>({
  NoteTaken: {
    current: 3,
    lifts: {
      1: (data) => ({ ...data, visibility: 'shared' }),
      2: ({ text, ...data }) => ({ ...data, body: text }),
    },
  },
  NoteRead: { current: 1 },
});

describe('upcasting', () => {
  it.each<[string, number, StoredData, StoredData]>([
    ['version 1 is lifted through 2 to 3', 1, { text: 'Bel Rita' }, { body: 'Bel Rita', visibility: 'shared' }],
    [
      'version 2 is lifted to 3',
      2,
      { text: 'Bel Rita', visibility: 'restricted' },
      { body: 'Bel Rita', visibility: 'restricted' },
    ],
    [
      'version 3 is current',
      3,
      { body: 'Bel Rita', visibility: 'restricted' },
      { body: 'Bel Rita', visibility: 'restricted' },
    ],
  ])('NoteTaken at %s', (_, schemaVersion, stored, current) => {
    expect(notes.upcast('NoteTaken', schemaVersion, stored)).toStrictEqual(current);
  });

  it('passes data at its current version on as the very same object', () => {
    const stored = { body: 'Bel Rita', visibility: 'shared' };

    expect(notes.upcast('NoteTaken', 3, stored)).toBe(stored);
    expect(notes.upcast('NoteRead', 1, stored)).toBe(stored);
  });

  it('leaves the stored data as it was when it lifts it', () => {
    const stored = Object.freeze({ text: 'Bel Rita' });

    notes.upcast('NoteTaken', 1, stored);

    expect(stored).toStrictEqual({ text: 'Bel Rita' });
  });

  it('refuses a version newer than it knows, naming the type and the version', () => {
    const read = () => notes.upcast('NoteRead', 2, { noteId: 'n-1' });

    expect(read).toThrow(UnknownSchemaVersionError);
    expect(read).toThrow(/NoteRead is stored at schema version 2; this samen-ledger reads NoteRead up to version 1/);
  });

  it('reads a type nobody declared as version 1', () => {
    expect(notes.currentVersion('NoteDeleted')).toBe(1);
    expect(() => notes.upcast('NoteDeleted', 2, {})).toThrow(UnknownSchemaVersionError);
  });

  it('names the version each type is appended at', () => {
    expect([notes.currentVersion('NoteTaken'), notes.currentVersion('NoteRead')]).toEqual([3, 1]);
  });

  it('refuses to be made with a lift missing', () => {
    expect(() => new Upcaster<NoteTaken>({ NoteTaken: { current: 3, lifts: { 1: (data) => data } } })).toThrow(
      'NoteTaken: no lift from schema version 2 to 3',
    );
  });

  it('refuses to join two upcasters that both declare a type', () => {
    expect(() => Upcaster.of(notes, new Upcaster<NoteRead>({ NoteRead: { current: 1 } }))).toThrow(
      'NoteRead is declared twice',
    );
  });

  it('joins the schemas of several capabilities into one', () => {
    const joined = Upcaster.of<NoteTaken | NoteRead>(
      new Upcaster<NoteRead>({ NoteRead: { current: 1 } }),
      new Upcaster<NoteTaken>({ NoteTaken: notes.declared.NoteTaken }),
    );

    expect(joined.upcast('NoteTaken', 1, { text: 'Bel Rita' })).toStrictEqual({
      body: 'Bel Rita',
      visibility: 'shared',
    });
    expect(joined.currentVersion('NoteRead')).toBe(1);
  });
});
