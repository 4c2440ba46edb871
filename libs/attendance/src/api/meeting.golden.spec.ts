import { deciderSpec } from '@samen/ledger-kernel/testing';
import { meetingDecider, meetingUpcaster, type AttendanceRecorded, type MeetingScheduled } from '../domain';
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
    visibility: { kind: 'shared' },
  },
};
const ritaAbsent: AttendanceRecorded = {
  type: 'AttendanceRecorded',
  data: {
    meetingId: 'm-zwolle',
    personId: 'person-rita',
    partyId: 'gemeente-vaals',
    status: 'absent',
    visibility: { kind: 'shared' },
  },
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
      visibility: { kind: 'shared' },
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
          visibility: { kind: 'shared' },
        },
      });
  });

  it('AttendanceRecorded', () => {
    const body: Required<RecordAttendanceDto> = {
      personId: 'person-rita',
      partyId: 'gemeente-vaals',
      status: 'present',
      visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] },
      occurredAt,
    };

    given(zwolleScheduled)
      .when(toRecordAttendance(body, 'm-zwolle'))
      .thenStores({
        type: 'AttendanceRecorded',
        data: {
          meetingId: 'm-zwolle',
          personId: 'person-rita',
          partyId: 'gemeente-vaals',
          status: 'present',
          visibility: { kind: 'parties', partyIds: ['gemeente-vaals'] },
        },
      });
  });

  it('AttendanceCorrected', () => {
    const body: Required<CorrectAttendanceDto> = {
      personId: 'person-rita',
      status: 'present',
      reason: 'Kwam later binnen',
      visibility: { kind: 'initiatives' },
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
          visibility: { kind: 'initiatives' },
        },
      });
  });

  it('MeetingCancelled', () => {
    const body: Required<CancelMeetingDto> = {
      reason: 'Te weinig aanmeldingen',
      visibility: { kind: 'funders-aggregate' },
      occurredAt,
    };

    given(zwolleScheduled)
      .when(toCancelMeeting(body, 'm-zwolle'))
      .thenStores({
        type: 'MeetingCancelled',
        data: { meetingId: 'm-zwolle', reason: 'Te weinig aanmeldingen', visibility: { kind: 'funders-aggregate' } },
      });
  });
});

describe('a meeting fact stored at schema version 1', () => {
  const { visibility: _none, ...storedThen } = ritaAbsent.data;

  it.each(Object.keys(meetingUpcaster.declared))('%s is read at version 2, as shared', (type) => {
    expect(meetingUpcaster.currentVersion(type)).toBe(2);
    expect(meetingUpcaster.upcast(type, 1, storedThen)).toEqual({ ...storedThen, visibility: { kind: 'shared' } });
  });
});
