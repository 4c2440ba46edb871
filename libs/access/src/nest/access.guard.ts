import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { currentShape } from '@samen/ledger-events';
import { allows, describePrincipal, type Principal } from '../domain/principal';
import { ForbiddenError, UnauthenticatedError } from './access-errors';
import { ACCESS_DECLARATION, type AccessDeclaration, type FactLookup } from './access.decorators';
import { AUTHENTICATOR, type Authenticator } from './authenticator';

/** Where the guard leaves the principal for the rest of the request (filters, logs, views). */
export interface RequestWithPrincipal {
  principal?: Principal;
  /** The principal as recorded in a fact's metadata: kind and id, never a person's name. */
  actor?: string;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
  body?: unknown;
}

/**
 * Deny by default: authenticates every request (a bad token is a 401 whatever it asks for),
 * then lets it through only if the route declares access for this principal.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly lookup: FactLookup;

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.lookup = {
      // Facts in their current shape, whatever version they were stored at.
      eventsOf: async (stream) => (await store.readStream(stream)).map(currentShape),
      // A follow-up's party is in the creating fact: one event, however long the stream grew.
      firstOf: async (stream) => {
        const [first] = await store.readStream(stream, { maxCount: 1 });
        return first && currentShape(first);
      },
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = this.authenticator.authenticate(request.headers);
    request.principal = principal;
    request.actor = describePrincipal(principal);
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_DECLARATION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!declaration) throw new ForbiddenError();
    let parties: readonly string[] = [];
    if (declaration.partiesOf && principal.kind === 'party-member') {
      const found = await declaration.partiesOf(request, this.lookup);
      // Without the field that names the party, validation refuses the request (400).
      if (found === 'invalid') return true;
      parties = found;
    }
    if (allows(principal, declaration.rule, parties)) return true;
    // RFC 9110: who sent no credentials is asked for them (401); a known principal who may not is refused (403).
    throw principal.kind === 'anonymous' ? new UnauthenticatedError('missing') : new ForbiddenError();
  }
}
