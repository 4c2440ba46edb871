import {
  EnumProperty,
  FactDto,
  IdListProperty,
  IdProperty,
  TextProperty,
  TimestampProperty,
  VisibilityProperty,
} from '@samen/command-handling';
import type { Visibility } from '@samen/ledger-kernel';
import { ATTENDANCE_STATUSES, MEETING_KINDS, type AttendanceStatus, type MeetingKind } from '../domain/meeting';

export class ScheduleMeetingDto extends FactDto {
  @IdProperty({
    description: 'Id; weggelaten: nieuw / id; new when left out',
    example: 'collectief-2023-03-utrecht',
    optional: true,
  })
  meetingId?: string;

  @IdProperty({ description: 'Programma / programme', example: 'samen' })
  programmeId!: string;

  @EnumProperty(MEETING_KINDS, {
    description: 'collectief, thema, online, lokaal, pitstop, finale / kind of meeting',
    example: 'collective',
  })
  kind!: MeetingKind;

  @TextProperty({ description: 'Titel / title', example: 'Collectieve bijeenkomst: samen financieren', maxLength: 200 })
  title!: string;

  @TimestampProperty({ description: 'Begint om / starts at', example: '2023-03-14T10:00:00+01:00' })
  startsAt!: string;

  @TextProperty({ description: 'Plaats / place', example: 'Utrecht', maxLength: 200 })
  place!: string;

  @IdProperty({ description: 'Gastproeftuin / host site', example: 'groningen', optional: true })
  hostSiteId?: string;

  @IdListProperty({
    description: 'Verwachte partijen / parties expected',
    example: ['gemeente-vaals', 'dorpsraad-vaals', 'gemeente-kampen'],
  })
  expectedPartyIds!: string[];

  @VisibilityProperty()
  visibility?: Visibility;
}

export class RecordAttendanceDto extends FactDto {
  @IdProperty({ description: 'Wie / who', example: 'person-7f3a' })
  personId!: string;

  @IdProperty({ description: 'Namens welke partij / for which party', example: 'gemeente-vaals' })
  partyId!: string;

  @EnumProperty(ATTENDANCE_STATUSES, {
    description: 'aanwezig, afwezig, afgemeld / present, absent, excused',
    example: 'present',
  })
  status!: AttendanceStatus;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class CorrectAttendanceDto extends FactDto {
  @IdProperty({ description: 'Wie / who', example: 'person-7f3a' })
  personId!: string;

  @EnumProperty(ATTENDANCE_STATUSES, { description: 'De juiste status / the right status', example: 'excused' })
  status!: AttendanceStatus;

  @TextProperty({ description: 'Waarom / why', example: 'Had zich vooraf afgemeld per e-mail', maxLength: 1000 })
  reason!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}

export class CancelMeetingDto extends FactDto {
  @TextProperty({ description: 'Waarom / why', example: 'Te weinig aanmeldingen', maxLength: 1000 })
  reason!: string;

  @VisibilityProperty()
  visibility?: Visibility;
}
