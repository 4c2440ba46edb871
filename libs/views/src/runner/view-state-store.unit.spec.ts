import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay, VIEWS_VERSION } from '../ledger-views';
import { FactScript } from '../testing/fact-script';
import { ViewStateStore } from './view-state-store';

describe('ViewStateStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-view-state-'));
    file = join(dir, 'views.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Two people at one meeting: enough to fill the presence and timeline columns.
  const views = () =>
    replay(
      new FactScript()
        .parties([['gemeente-vaals', 'municipality', 'Gemeente Vaals']], '2023-01-10')
        .add(
          'MeetingScheduled',
          {
            meetingId: 'kick-off',
            programmeId: 'samen',
            kind: 'collective',
            title: 'Aftrap',
            startsAt: '2023-02-01T10:00:00+01:00',
            place: 'Utrecht',
            expectedPartyIds: ['gemeente-vaals'],
          },
          '2023-01-15',
        )
        .add(
          'AttendanceRecorded',
          { meetingId: 'kick-off', personId: 'p-1', partyId: 'gemeente-vaals', status: 'present' },
          '2023-02-01',
        )
        .add(
          'AttendanceRecorded',
          { meetingId: 'kick-off', personId: 'p-2', partyId: 'gemeente-vaals', status: 'excused' },
          '2023-02-01',
        ).facts,
    );

  it('loads what it saved: every view, at the one checkpoint', () => {
    const store = new ViewStateStore(file, VIEWS_VERSION);
    store.save(4n, views());
    const loaded = store.load();
    store.close();
    expect(loaded?.position).toBe(4n);
    expect(loaded?.views).toEqual(views());
  });

  it('gives each loaded typed array its own memory, not a window on the bytes read', () => {
    const store = new ViewStateStore(file, VIEWS_VERSION);
    store.save(4n, views());
    const { presence, timeline } = store.load()!.views;
    store.close();
    for (const column of [presence.person, presence.occurredAt, timeline.position, timeline.streams.bytes]) {
      expect(column.byteOffset).toBe(0);
      expect(column.buffer.byteLength).toBe(column.byteLength);
    }
  });

  it('keeps nothing to load when the projection code changed or a save was cut short', () => {
    const store = new ViewStateStore(file, VIEWS_VERSION);
    store.save(4n, views());
    store.close();
    expect(new ViewStateStore(file, `${VIEWS_VERSION}+changed`).load()).toBeUndefined();

    // Rows of two checkpoints cannot come from one save (it is one transaction); if they
    // ever did, the views would disagree, so they are rebuilt.
    const db = new Database(file);
    db.prepare(`UPDATE view_states SET position = '3' WHERE view = 'presence'`).run();
    expect(new ViewStateStore(file, VIEWS_VERSION).load()).toBeUndefined();

    // Nor can one save leave a view out; a missing one would stop the views at the next fact.
    db.prepare(`UPDATE view_states SET position = '4'`).run();
    expect(new ViewStateStore(file, VIEWS_VERSION).load()?.position).toBe(4n);
    db.prepare(`DELETE FROM view_states WHERE view = 'presence'`).run();
    db.close();
    expect(new ViewStateStore(file, VIEWS_VERSION).load()).toBeUndefined();
  });

  it('drops the single-row state of earlier versions, so those views are rebuilt', () => {
    const earlier = new Database(file);
    earlier.exec(
      `CREATE TABLE view_state (id INTEGER PRIMARY KEY, version TEXT, position TEXT, saved_at TEXT, state BLOB)`,
    );
    earlier.close();
    const store = new ViewStateStore(file, VIEWS_VERSION);
    expect(store.load()).toBeUndefined();
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['view_states']);
    db.close();
  });
});
