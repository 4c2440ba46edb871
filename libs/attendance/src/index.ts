export * from './domain';
export { AttendanceModule } from './attendance.module';
export * from './api/meeting.dto';
