// The domain alone, without the NestJS module: the views' worker thread loads this file.
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@samen/attendance/domain';
import { growColumns, grownLength, intern, trimColumns } from '../core/columns';
import type { Stamp } from '../core/ledger-fact';
import type { Projection } from '../core/projection';

/** One recorded or corrected attendance of a person at a meeting, for the party they represent. */
export interface AttendanceMark extends Stamp {
  readonly personId: string;
  readonly partyId: string;
  readonly status: AttendanceStatus;
}

/**
 * Every attendance mark, in columns: mark `i` is the i-th recorded or corrected attendance.
 * Attendance is most of the log (two thirds of a long programme's facts), so marks are not
 * kept as objects: as columns they take a sixth of the memory and the garbage collector
 * has nothing to walk. Each meeting's marks are chained in the order recorded; the latest
 * in a window counts (see `marksAt`).
 */
export interface Presence {
  count: number;
  /** Into `ids`. */
  person: Int32Array;
  /** Into `ids`. */
  party: Int32Array;
  /** Into ATTENDANCE_STATUSES (saved as numbers: reordering that list needs a new VIEWS_VERSION). */
  status: Uint8Array;
  occurredAt: Float64Array;
  recordedAt: Float64Array;
  /** The same meeting's next mark; -1 after its last. */
  next: Int32Array;
  /** Into `meetingIds`. */
  meeting: Int32Array;
  /** The next mark for the same party; -1 after its last. */
  nextOfParty: Int32Array;
  /** People and parties by number. */
  ids: string[];
  idIds: Map<string, number>;
  /** Meeting numbers; a meeting's chain runs from `firstMark` to `lastMark`. */
  meetings: Map<string, number>;
  meetingIds: string[];
  firstMark: Int32Array;
  lastMark: Int32Array;
  /** Per number in `ids` (a party's): its chain of marks, -1 for none. */
  partyFirstMark: Int32Array;
  partyLastMark: Int32Array;
}

const INITIAL_MARKS = 1024;

export const presenceProjection: Projection<Presence> = {
  name: 'presence',
  types: ['AttendanceRecorded', 'AttendanceCorrected'],
  initialState: () => ({
    count: 0,
    person: new Int32Array(INITIAL_MARKS),
    party: new Int32Array(INITIAL_MARKS),
    status: new Uint8Array(INITIAL_MARKS),
    occurredAt: new Float64Array(INITIAL_MARKS),
    recordedAt: new Float64Array(INITIAL_MARKS),
    next: new Int32Array(INITIAL_MARKS),
    meeting: new Int32Array(INITIAL_MARKS),
    nextOfParty: new Int32Array(INITIAL_MARKS),
    ids: [],
    idIds: new Map(),
    meetings: new Map(),
    meetingIds: [],
    firstMark: new Int32Array(INITIAL_MARKS),
    lastMark: new Int32Array(INITIAL_MARKS),
    partyFirstMark: new Int32Array(INITIAL_MARKS).fill(-1),
    partyLastMark: new Int32Array(INITIAL_MARKS).fill(-1),
  }),
  apply(state, fact) {
    if (fact.type !== 'AttendanceRecorded' && fact.type !== 'AttendanceCorrected') return;
    const { meetingId, personId, partyId, status } = fact.data;
    const mark = state.count;
    if (mark === state.next.length) growColumns(state, MARK_COLUMNS, mark + 1);
    const party = intern(state.ids, state.idIds, partyId);
    state.person[mark] = intern(state.ids, state.idIds, personId);
    state.party[mark] = party;
    state.status[mark] = ATTENDANCE_STATUSES.indexOf(status);
    state.occurredAt[mark] = fact.occurredAt;
    state.recordedAt[mark] = fact.recordedAt;
    state.next[mark] = -1;
    state.nextOfParty[mark] = -1;
    state.count = mark + 1;
    // Usually the mark before is of the same meeting (its attendance is recorded together).
    const before = mark > 0 ? state.meeting[mark - 1] : -1;
    let meeting = before !== -1 && state.meetingIds[before] === meetingId ? before : state.meetings.get(meetingId);
    if (meeting === undefined) {
      meeting = state.meetingIds.length;
      state.meetings.set(meetingId, meeting);
      state.meetingIds.push(meetingId);
      if (meeting === state.firstMark.length) growColumns(state, MEETING_COLUMNS, meeting + 1);
      state.firstMark[meeting] = mark;
    } else {
      state.next[state.lastMark[meeting]] = mark;
    }
    state.lastMark[meeting] = mark;
    state.meeting[mark] = meeting;
    chainToParty(state, party, mark);
  },
  // Room for every fact to come: the marks are only some of them (two thirds of a long log), and trim() gives the rest back.
  reserve(state, facts) {
    const length = grownLength(state.next.length, state.count + facts);
    if (length > state.next.length) growColumns(state, MARK_COLUMNS, length);
  },
  trim(state) {
    trimColumns(state, MARK_COLUMNS, grownLength(INITIAL_MARKS, state.count));
  },
  indexes: [
    ['ids', 'idIds'],
    ['meetingIds', 'meetings'],
  ],
};

function chainToParty(state: Presence, party: number, mark: number): void {
  if (party >= state.partyFirstMark.length) growColumns(state, PARTY_COLUMNS, state.ids.length, { fill: -1 });
  if (state.partyFirstMark[party] === -1) state.partyFirstMark[party] = mark;
  else state.nextOfParty[state.partyLastMark[party]] = mark;
  state.partyLastMark[party] = mark;
}

/** The meetings at which anyone's attendance was recorded for a party. */
export function meetingsAttendedFor(state: Presence, partyId: string): Set<string> {
  const meetings = new Set<string>();
  const party = state.idIds.get(partyId);
  if (party === undefined || party >= state.partyFirstMark.length) return meetings;
  for (let mark = state.partyFirstMark[party]; mark !== -1; mark = state.nextOfParty[mark]) {
    meetings.add(state.meetingIds[state.meeting[mark]]);
  }
  return meetings;
}

/** A meeting's marks in the order recorded. */
export function marksAt(state: Presence, meetingId: string): AttendanceMark[] {
  const meeting = state.meetings.get(meetingId);
  const marks: AttendanceMark[] = [];
  if (meeting === undefined) return marks;
  for (let mark = state.firstMark[meeting]; mark !== -1; mark = state.next[mark]) {
    marks.push({
      personId: state.ids[state.person[mark]],
      partyId: state.ids[state.party[mark]],
      status: ATTENDANCE_STATUSES[state.status[mark]],
      occurredAt: state.occurredAt[mark],
      recordedAt: state.recordedAt[mark],
    });
  }
  return marks;
}

/** The columns with one slot per mark. */
const MARK_COLUMNS = [
  'person',
  'party',
  'status',
  'occurredAt',
  'recordedAt',
  'next',
  'meeting',
  'nextOfParty',
] as const;
const MEETING_COLUMNS = ['firstMark', 'lastMark'] as const;
const PARTY_COLUMNS = ['partyFirstMark', 'partyLastMark'] as const;
