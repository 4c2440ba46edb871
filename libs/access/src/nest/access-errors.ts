/**
 * No usable credentials: none sent (a route that is not public), or a token that is
 * malformed, unknown, expired or revoked. Never says which resource was asked for.
 */
export class UnauthenticatedError extends Error {
  readonly code = 'unauthenticated';
  constructor(readonly reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked') {
    super(
      reason === 'missing'
        ? 'Stuur een token mee: Authorization: Bearer slt_… / Send a token: Authorization: Bearer slt_…'
        : reason === 'expired'
          ? 'Dit token is verlopen. / This token has expired.'
          : reason === 'revoked'
            ? 'Dit token is ingetrokken. / This token was revoked.'
            : 'Geen geldig token. / Not a valid token.',
    );
  }
}

/** A valid principal without the right for this route; the same answer whether the thing exists or not. */
export class ForbiddenError extends Error {
  readonly code = 'forbidden';
  constructor() {
    super('U mag dit niet doen of inzien. / You may not do or see this.');
  }
}
