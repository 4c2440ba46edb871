import { SHARED } from '@samen/ledger-kernel';
import { deciderSpec } from '@samen/ledger-kernel/testing';
import {
  meetingDecider,
  type AttendanceCorrected,
  type AttendanceRecorded,
  type MeetingCancelled,
  type MeetingScheduled,
  type ScheduleMeeting,
} from '.';

const { given } = deciderSpec(meetingDecider);

const scheduleKickOff: ScheduleMeeting = {
  type: 'ScheduleMeeting',
  data: {
    meetingId: 'kick-off',
    programmeId: 'samen',
    kind: 'collective',
    title: 'Collectieve bijeenkomst: aftrap',
    startsAt: '2023-03-09T13:00:00+01:00',
    place: 'Den Haag',
    expectedPartyIds: ['initiatief-vaals', 'gemeente-vaals', 'initiatief-kampen', 'gemeente-kampen'],
  },
};
const kickOffScheduled: MeetingScheduled = {
  type: 'MeetingScheduled',
  data: {
    meetingId: 'kick-off',
    programmeId: 'samen',
    kind: 'collective',
    title: 'Collectieve bijeenkomst: aftrap',
    startsAt: '2023-03-09T13:00:00+01:00',
    place: 'Den Haag',
    expectedPartyIds: ['initiatief-vaals', 'gemeente-vaals', 'initiatief-kampen', 'gemeente-kampen'],
    visibility: SHARED,
  },
};
const merelPresentAtKickOff: AttendanceRecorded = {
  type: 'AttendanceRecorded',
  data: {
    meetingId: 'kick-off',
    personId: 'person-merel',
    partyId: 'initiatief-vaals',
    status: 'present',
    visibility: SHARED,
  },
};
const ambtenaarExcusedFromKickOff: AttendanceRecorded = {
  type: 'AttendanceRecorded',
  data: {
    meetingId: 'kick-off',
    personId: 'person-ambtenaar-1',
    partyId: 'gemeente-vaals',
    status: 'excused',
    visibility: SHARED,
  },
};
const merelWasAbsentAfterAll: AttendanceCorrected = {
  type: 'AttendanceCorrected',
  data: {
    meetingId: 'kick-off',
    personId: 'person-merel',
    status: 'absent',
    reason: 'Verwisseld met de presentielijst van Kampen',
    partyId: 'initiatief-vaals',
    previousStatus: 'present',
    visibility: SHARED,
  },
};
const kickOffCancelled: MeetingCancelled = {
  type: 'MeetingCancelled',
  data: { meetingId: 'kick-off', reason: 'Zaal niet beschikbaar', visibility: SHARED },
};

describe('scheduling a meeting', () => {
  it('records the kind, date, place and expected parties', () => {
    given().when(scheduleKickOff).then(kickOffScheduled);
  });

  it('records a meeting hosted by a site', () => {
    given()
      .when({
        type: 'ScheduleMeeting',
        data: {
          meetingId: 'pitstop-groningen',
          programmeId: 'samen',
          kind: 'pitstop',
          title: 'Pitstop',
          startsAt: '2023-10-05T10:00:00+02:00',
          place: 'Groningen',
          hostSiteId: 'groningen',
          expectedPartyIds: ['initiatief-groningen', 'gemeente-groningen'],
        },
      })
      .then({
        type: 'MeetingScheduled',
        data: {
          meetingId: 'pitstop-groningen',
          programmeId: 'samen',
          kind: 'pitstop',
          title: 'Pitstop',
          startsAt: '2023-10-05T10:00:00+02:00',
          place: 'Groningen',
          hostSiteId: 'groningen',
          expectedPartyIds: ['initiatief-groningen', 'gemeente-groningen'],
          visibility: SHARED,
        },
      });
  });

  it('expects each party once even when the command repeats it', () => {
    given()
      .when({
        type: 'ScheduleMeeting',
        data: { ...scheduleKickOff.data, expectedPartyIds: ['gemeente-vaals', 'initiatief-vaals', 'gemeente-vaals'] },
      })
      .then({
        type: 'MeetingScheduled',
        data: { ...kickOffScheduled.data, expectedPartyIds: ['gemeente-vaals', 'initiatief-vaals'] },
      });
  });

  it('is refused when the meeting was already scheduled', () => {
    given(kickOffScheduled).when(scheduleKickOff).thenThrows('meeting-already-scheduled');
  });
});

describe('recording attendance', () => {
  it('records a person present for the party they represent', () => {
    given(kickOffScheduled)
      .when({
        type: 'RecordAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', partyId: 'initiatief-vaals', status: 'present' },
      })
      .then(merelPresentAtKickOff);
  });

  it('records a person as excused', () => {
    given(kickOffScheduled, merelPresentAtKickOff)
      .when({
        type: 'RecordAttendance',
        data: { meetingId: 'kick-off', personId: 'person-ambtenaar-1', partyId: 'gemeente-vaals', status: 'excused' },
      })
      .then(ambtenaarExcusedFromKickOff);
  });

  it('records a person once per meeting', () => {
    given(kickOffScheduled, merelPresentAtKickOff)
      .when({
        type: 'RecordAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', partyId: 'initiatief-vaals', status: 'absent' },
      })
      .thenThrows('attendance-already-recorded');
  });

  it('records a person once per meeting, even for another party', () => {
    given(kickOffScheduled, merelPresentAtKickOff)
      .when({
        type: 'RecordAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', partyId: 'initiatief-kampen', status: 'present' },
      })
      .thenThrows('attendance-already-recorded');
  });

  it('is refused for a cancelled meeting, since nobody attends it', () => {
    given(kickOffScheduled, kickOffCancelled)
      .when({
        type: 'RecordAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', partyId: 'initiatief-vaals', status: 'present' },
      })
      .thenThrows('meeting-cancelled');
  });

  it('is refused for a meeting that was never scheduled', () => {
    given()
      .when({
        type: 'RecordAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', partyId: 'initiatief-vaals', status: 'present' },
      })
      .thenThrows('meeting-not-found');
  });
});

describe('correcting attendance', () => {
  it('records the new status with the party and the status it replaces', () => {
    given(kickOffScheduled, merelPresentAtKickOff)
      .when({
        type: 'CorrectAttendance',
        data: {
          meetingId: 'kick-off',
          personId: 'person-merel',
          status: 'absent',
          reason: 'Verwisseld met de presentielijst van Kampen',
        },
      })
      .then(merelWasAbsentAfterAll);
  });

  it('corrects from the latest correction', () => {
    given(kickOffScheduled, merelPresentAtKickOff, merelWasAbsentAfterAll)
      .when({
        type: 'CorrectAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', status: 'excused', reason: 'Had zich wel afgemeld' },
      })
      .then({
        type: 'AttendanceCorrected',
        data: {
          meetingId: 'kick-off',
          personId: 'person-merel',
          status: 'excused',
          reason: 'Had zich wel afgemeld',
          partyId: 'initiatief-vaals',
          previousStatus: 'absent',
          visibility: SHARED,
        },
      });
  });

  it('must change something', () => {
    given(kickOffScheduled, merelPresentAtKickOff)
      .when({
        type: 'CorrectAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', status: 'present', reason: 'Dubbel ingevoerd' },
      })
      .thenThrows('attendance-unchanged');
  });

  it('must change something after an earlier correction', () => {
    given(kickOffScheduled, merelPresentAtKickOff, merelWasAbsentAfterAll)
      .when({
        type: 'CorrectAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', status: 'absent', reason: 'Dubbel ingevoerd' },
      })
      .thenThrows('attendance-unchanged');
  });

  it('needs attendance recorded for that person', () => {
    given(kickOffScheduled, merelPresentAtKickOff)
      .when({
        type: 'CorrectAttendance',
        data: { meetingId: 'kick-off', personId: 'person-ambtenaar-1', status: 'present', reason: 'Toch gekomen' },
      })
      .thenThrows('attendance-not-recorded');
  });

  it('is refused for a cancelled meeting', () => {
    given(kickOffScheduled, ambtenaarExcusedFromKickOff, kickOffCancelled)
      .when({
        type: 'CorrectAttendance',
        data: { meetingId: 'kick-off', personId: 'person-ambtenaar-1', status: 'present', reason: 'Toch gekomen' },
      })
      .thenThrows('meeting-cancelled');
  });

  it('is refused for a meeting that was never scheduled', () => {
    given()
      .when({
        type: 'CorrectAttendance',
        data: { meetingId: 'kick-off', personId: 'person-merel', status: 'absent', reason: 'Vergissing' },
      })
      .thenThrows('meeting-not-found');
  });
});

describe('cancelling a meeting', () => {
  it('records the cancellation with its reason', () => {
    given(kickOffScheduled)
      .when({ type: 'CancelMeeting', data: { meetingId: 'kick-off', reason: 'Zaal niet beschikbaar' } })
      .then(kickOffCancelled);
  });

  it('is allowed when the only people recorded were excused or absent', () => {
    given(kickOffScheduled, ambtenaarExcusedFromKickOff)
      .when({ type: 'CancelMeeting', data: { meetingId: 'kick-off', reason: 'Zaal niet beschikbaar' } })
      .then(kickOffCancelled);
  });

  it('is allowed once a presence recorded by mistake was corrected', () => {
    given(kickOffScheduled, merelPresentAtKickOff, merelWasAbsentAfterAll)
      .when({ type: 'CancelMeeting', data: { meetingId: 'kick-off', reason: 'Zaal niet beschikbaar' } })
      .then(kickOffCancelled);
  });

  it('is refused when people are recorded as present', () => {
    given(kickOffScheduled, merelPresentAtKickOff, ambtenaarExcusedFromKickOff)
      .when({ type: 'CancelMeeting', data: { meetingId: 'kick-off', reason: 'Zaal niet beschikbaar' } })
      .thenThrows('meeting-has-attendees');
  });

  it('is refused when the meeting was already cancelled', () => {
    given(kickOffScheduled, kickOffCancelled)
      .when({ type: 'CancelMeeting', data: { meetingId: 'kick-off', reason: 'Nogmaals' } })
      .thenThrows('meeting-cancelled');
  });

  it('is refused for a meeting that was never scheduled', () => {
    given()
      .when({ type: 'CancelMeeting', data: { meetingId: 'kick-off', reason: 'Zaal niet beschikbaar' } })
      .thenThrows('meeting-not-found');
  });
});
