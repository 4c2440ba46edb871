export * from './domain/meeting';
export { AttendanceModule } from './attendance.module';
export * from './api/meeting.dto';
