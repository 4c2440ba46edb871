import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../domain/principal';
import type { AccessTokens } from '../tokens/token-store';
import { UnauthenticatedError } from './access-errors';

/**
 * Turns a request's credentials into a principal. Bearer tokens today; an organisation's
 * OIDC provider can replace this (verify the JWT, map its claims to a principal) without
 * touching the guard or any route.
 */
export interface Authenticator {
  authenticate(headers: Readonly<Record<string, string | string[] | undefined>>): Principal;
}

export const AUTHENTICATOR = Symbol('Authenticator');

/**
 * Requests the service makes to itself (a facts import runs through the API in-process)
 * carry a secret that exists only in this process's memory, so no client can claim it.
 */
const INTERNAL_SECRET = randomBytes(32).toString('base64url');
const INTERNAL_HEADER = 'x-ledger-internal';
const ON_BEHALF_HEADER = 'x-ledger-on-behalf-of';
/**
 * Headers for a request the service makes to itself: as the facts import (the programme
 * team), or on behalf of a principal it has authenticated already (a browser session's form
 * post goes through the API's own route, with its validation, access rules and idempotency).
 */
export const internalRequestHeaders = (onBehalfOf?: Exclude<Principal, { kind: 'anonymous' }>) => ({
  [INTERNAL_HEADER]: INTERNAL_SECRET,
  ...(onBehalfOf && { [ON_BEHALF_HEADER]: JSON.stringify(onBehalfOf) }),
});
const INTERNAL: Principal = { kind: 'programme-team', id: 'system:facts-import' };

export class BearerTokenAuthenticator implements Authenticator {
  constructor(private readonly tokens: AccessTokens) {}

  authenticate(headers: Readonly<Record<string, string | string[] | undefined>>): Principal {
    const internal = headers[INTERNAL_HEADER];
    if (typeof internal === 'string' && sameSecret(internal, INTERNAL_SECRET)) {
      const onBehalf = headers[ON_BEHALF_HEADER];
      return typeof onBehalf === 'string' ? (JSON.parse(onBehalf) as Principal) : INTERNAL;
    }
    const authorization = headers.authorization;
    if (authorization === undefined) return { kind: 'anonymous' };
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match) throw new UnauthenticatedError('malformed');
    const check = this.tokens.check(match[1]);
    if (!check.ok) throw new UnauthenticatedError(check.reason);
    this.tokens.touch(check.record.tokenId);
    return check.record.principal;
  }
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
