export * from './party';
export * from './party.events';
export * from './person';
export * from './person.events';
export * from './programme';
export * from './programme.events';
