import { Module } from '@nestjs/common';
import { MeetingController } from './api/meeting.controller';
import { MEETING_HANDLERS } from './application/meeting.commands';

@Module({ controllers: [MeetingController], providers: MEETING_HANDLERS })
export class AttendanceModule {}
