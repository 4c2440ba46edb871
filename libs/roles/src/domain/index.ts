export * from './role';
export * from './role.events';
