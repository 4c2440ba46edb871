export * from './domain/meeting';
export { AttendanceModule } from './attendance.module';
