import { SetMetadata } from '@nestjs/common';
import type { AccessRule } from '../domain/principal';

/** What a route's own-party check may look at: the raw request, before validation. */
export interface AccessRequest {
  readonly body?: unknown;
  readonly params: Readonly<Record<string, string>>;
}

export interface LookedUpEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Reads facts already recorded, to find which party an existing thing belongs to. */
export interface FactLookup {
  /** The data of every event of a stream, oldest first; empty when there is no such stream. */
  eventsOf(stream: string): Promise<readonly LookedUpEvent[]>;
  /** Only the first event of a stream (the one that created the thing), if any. */
  firstOf(stream: string): Promise<LookedUpEvent | undefined>;
}

/**
 * The parties a fact is about, for own-party writes. 'invalid' when the body lacks the
 * field that says so: validation then refuses the request with a 400 naming it.
 */
export type PartiesOf = (request: AccessRequest, lookup: FactLookup) => Promise<readonly string[] | 'invalid'>;

export interface AccessDeclaration {
  readonly rule: AccessRule;
  readonly partiesOf?: PartiesOf;
}

export const ACCESS_DECLARATION = 'samen:access';

const declare = (declaration: AccessDeclaration) => SetMetadata(ACCESS_DECLARATION, declaration);

/** Every route says who may call it; one without a declaration is refused to everyone. */
export const Access = {
  public: () => declare({ rule: { kind: 'public' } }),
  views: () => declare({ rule: { kind: 'views' } }),
  audit: () => declare({ rule: { kind: 'audit' } }),
  programmeTeam: () => declare({ rule: { kind: 'write', scope: 'programme-team' } }),
  /** Facts about no party in particular (a person joining): members of any party, and the programme team. */
  anyParty: () => declare({ rule: { kind: 'write', scope: 'any-party' } }),
  /** Facts about a party: its members record them; the programme team records them for all. */
  ownParty: (partiesOf: PartiesOf) => declare({ rule: { kind: 'write', scope: 'own-party' }, partiesOf }),
};

/** The party named in a body field, e.g. `fromBody('byPartyId')`. */
export const fromBody =
  (field: string): PartiesOf =>
  async ({ body }) => {
    const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
    return typeof value === 'string' ? [value] : 'invalid';
  };

/**
 * The party named in the first fact of the stream a path parameter points to, e.g. the
 * party of a role for its handovers. An unknown stream gives no party: refused, and
 * nobody learns whether it exists.
 */
export const fromCreation =
  (streamOf: (id: string) => string, param: string, field: string): PartiesOf =>
  async ({ params }, lookup) => {
    const first = await lookup.firstOf(streamOf(params[param]));
    const value = first?.data[field];
    return typeof value === 'string' ? [value] : [];
  };
