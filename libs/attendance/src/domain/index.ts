export * from './meeting';
export * from './meeting.events';
