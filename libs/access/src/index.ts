export * from './domain/principal';
export * from './domain/fact-visibility';
export * from './tokens/token-store';
export { AccessModule, SESSION_STORE, TOKEN_STORE } from './access.module';
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
