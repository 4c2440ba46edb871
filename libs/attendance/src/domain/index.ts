export * from './meeting';
