export * from './reflection';
export * from './reflection.events';
