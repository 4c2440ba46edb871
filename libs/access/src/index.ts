export * from './domain/principal';
export * from './domain/fact-visibility';
export * from './tokens/token-store';
export { AccessModule, openAccessStores, SESSION_STORE, TOKEN_STORE } from './access.module';
export {
  ACCESS_MAX_STALE_MS,
  ACCESS_POLL_MS,
  PostgresAccess,
  type PostgresAccessOptions,
} from './postgres/postgres-access';
export * from './sessions/session-store';
export * from './nest/access.decorators';
export { AccessGuard, type RequestWithPrincipal } from './nest/access.guard';
export { ForbiddenError, UnauthenticatedError } from './nest/access-errors';
export {
  AUTHENTICATOR,
  BearerTokenAuthenticator,
  internalRequestHeaders,
  type Authenticator,
} from './nest/authenticator';
