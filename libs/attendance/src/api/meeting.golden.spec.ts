import { deciderSpec } from '@samen/ledger-kernel/testing';
import { meetingDecider, type AttendanceRecorded, type MeetingScheduled } from '../domain';
import type { CancelMeetingDto, CorrectAttendanceDto, RecordAttendanceDto, ScheduleMeetingDto } from './meeting.dto';
import { toCancelMeeting, toCorrectAttendance, toRecordAttendance, toScheduleMeeting } from './meeting.to-command';

/**
 * The stored shape of every meeting fact, from a body with every field filled in, through
 * toCommand() and the decider, to the JSON the store keeps. A field added to a body fails to
 * compile here (the bodies are `Required`); one that reaches the log changes what is stored.
 */
const occurredAt = '2023-05-10T13:00:00+02:00';
const { given } = deciderSpec(meetingDecider);

const zwolleScheduled: MeetingScheduled = {
  type: 'MeetingScheduled',
  data: {
    meetingId: 'm-zwolle',
    programmeId: 'samen',
    kind: 'collective',
    title: 'Collectieve bijeenkomst Zwolle',
    startsAt: '2023-05-10T13:00:00+02:00',
    place: 'Zwolle',
    expectedPartyIds: ['gemeente-vaals'],
  },
};
const ritaAbsent: AttendanceRecorded = {
  type: 'AttendanceRecorded',
  data: { meetingId: 'm-zwolle', personId: 'person-rita', partyId: 'gemeente-vaals', status: 'absent' },
};

describe('the stored shape of', () => {
  it('MeetingScheduled', () => {
    const body: Required<ScheduleMeetingDto> = {
      meetingId: 'ignored-for-the-given-id',
      programmeId: 'samen',
      kind: 'collective',
      title: 'Collectieve bijeenkomst Zwolle',
      startsAt: '2023-05-10T13:00:00+02:00',
      place: 'Zwolle',
      hostSiteId: 'zwolle',
      expectedPartyIds: ['gemeente-vaals', 'initiatief-vaals', 'gemeente-vaals'],
      occurredAt,
    };

    given()
      .when(toScheduleMeeting(body, 'm-zwolle'))
      .thenStores({
        type: 'MeetingScheduled',
        data: {
          meetingId: 'm-zwolle',
          programmeId: 'samen',
          kind: 'collective',
          title: 'Collectieve bijeenkomst Zwolle',
          startsAt: '2023-05-10T13:00:00+02:00',
          place: 'Zwolle',
          hostSiteId: 'zwolle',
          expectedPartyIds: ['gemeente-vaals', 'initiatief-vaals'],
        },
      });
  });

  it('AttendanceRecorded', () => {
    const body: Required<RecordAttendanceDto> = {
      personId: 'person-rita',
      partyId: 'gemeente-vaals',
      status: 'present',
      occurredAt,
    };

    given(zwolleScheduled)
      .when(toRecordAttendance(body, 'm-zwolle'))
      .thenStores({
        type: 'AttendanceRecorded',
        data: { meetingId: 'm-zwolle', personId: 'person-rita', partyId: 'gemeente-vaals', status: 'present' },
      });
  });

  it('AttendanceCorrected', () => {
    const body: Required<CorrectAttendanceDto> = {
      personId: 'person-rita',
      status: 'present',
      reason: 'Kwam later binnen',
      occurredAt,
    };

    given(zwolleScheduled, ritaAbsent)
      .when(toCorrectAttendance(body, 'm-zwolle'))
      .thenStores({
        type: 'AttendanceCorrected',
        data: {
          meetingId: 'm-zwolle',
          personId: 'person-rita',
          status: 'present',
          reason: 'Kwam later binnen',
          partyId: 'gemeente-vaals',
          previousStatus: 'absent',
        },
      });
  });

  it('MeetingCancelled', () => {
    const body: Required<CancelMeetingDto> = { reason: 'Te weinig aanmeldingen', occurredAt };

    given(zwolleScheduled)
      .when(toCancelMeeting(body, 'm-zwolle'))
      .thenStores({ type: 'MeetingCancelled', data: { meetingId: 'm-zwolle', reason: 'Te weinig aanmeldingen' } });
  });
});
