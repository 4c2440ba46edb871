import type {} from '@fastify/cookie';
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessSessions, AccessTokens, Principal } from '@samen/access';

export const SESSION_COOKIE = 'samen_sessie';
/** A visitor's cookie before signing in, so that the sign-in form has a CSRF token too. */
export const VISITOR_COOKIE = 'samen_bezoeker';

export type SignedIn = Exclude<Principal, { kind: 'anonymous' }>;

export interface WebSession {
  /** Undefined for a visitor who has not signed in. */
  readonly principal: SignedIn | undefined;
  readonly sessionId: string | undefined;
  /** The CSRF token of this session, or of the visitor's cookie. */
  readonly csrf: string;
  /** What the CSRF token is derived from: the session id, or the visitor's cookie. */
  readonly csrfId: string;
  /** True when the browser sent a session cookie that no longer signs anyone in. */
  readonly expired: boolean;
}

const cookieOptions = (request: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  // Secure wherever the request came over TLS; plain HTTP on loopback keeps working.
  secure: request.protocol === 'https',
  path: '/',
});

/**
 * The browser's side of access: the session cookie names a session of the session store;
 * the session names the token it was made from, which must still be valid (a revoked or
 * expired token ends its sessions at once).
 */
export function sessionOf(
  request: FastifyRequest,
  reply: FastifyReply,
  sessions: AccessSessions,
  tokens: AccessTokens,
): WebSession {
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId) {
    const session = sessions.check(sessionId);
    const token = session && tokens.checkById(session.tokenId);
    if (token?.ok) {
      tokens.touch(token.record.tokenId);
      return {
        principal: token.record.principal,
        sessionId,
        csrf: sessions.csrfTokenFor(sessionId),
        csrfId: sessionId,
        expired: false,
      };
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
  let visitor = request.cookies[VISITOR_COOKIE];
  if (!visitor || !/^[A-Za-z0-9_-]{22}$/.test(visitor)) {
    visitor = randomBytes(16).toString('base64url');
    reply.setCookie(VISITOR_COOKIE, visitor, cookieOptions(request));
  }
  return {
    principal: undefined,
    sessionId: undefined,
    csrf: sessions.csrfTokenFor(`visitor:${visitor}`),
    csrfId: `visitor:${visitor}`,
    expired: sessionId !== undefined,
  };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    ...cookieOptions(request),
    maxAge: Math.max(1, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000)),
  });
}

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
