import type { AttendanceStatus } from '@samen/attendance';
import { stampOf, type Stamp } from '../core/ledger-fact';
import { pushTo, type Projection } from '../core/projection';

/** One recorded or corrected attendance of a person at a meeting, for the party they represent. */
export interface AttendanceMark extends Stamp {
  readonly personId: string;
  readonly partyId: string;
  readonly status: AttendanceStatus;
}

/** Per meeting, every attendance mark in the order recorded; the latest in a window counts. */
export type Presence = Map<string, AttendanceMark[]>;

export const presenceProjection: Projection<Presence> = {
  name: 'presence',
  initialState: () => new Map(),
  apply(state, fact) {
    if (fact.type !== 'AttendanceRecorded' && fact.type !== 'AttendanceCorrected') return;
    const { meetingId, personId, partyId, status } = fact.data;
    pushTo(state, meetingId, { personId, partyId, status, ...stampOf(fact) });
  },
};
