/**
 * Who makes a request. The programme team sees and records everything, including the audit;
 * a member of a party records facts about its own party and reads its own restricted facts
 * plus the shared views; an evaluator reads every view and the timeline but no restricted
 * notes; anyone without a token only what a programme has chosen to publish.
 */
export type Principal =
  | { readonly kind: 'programme-team'; readonly id: string }
  | { readonly kind: 'party-member'; readonly id: string; readonly partyId: string }
  | { readonly kind: 'evaluator'; readonly id: string }
  | { readonly kind: 'anonymous' };

export const PRINCIPAL_KINDS = ['programme-team', 'party-member', 'evaluator'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Who a route lets in. Every route declares one; a route without is refused to everyone. */
export type AccessRule =
  /** Anyone, also without a token: health, API documentation, published aggregates. */
  | { readonly kind: 'public' }
  /** The shared views: the programme team, evaluators and members of any party. */
  | { readonly kind: 'views' }
  /** The audit: the log as stored, integrity checks. The programme team only. */
  | { readonly kind: 'audit' }
  /**
   * Recording a fact: the programme team only; or also a member of a party the fact is
   * about (own-party); or also a member of any party (any-party: registering a person).
   */
  | { readonly kind: 'write'; readonly scope: 'programme-team' | 'own-party' | 'any-party' };

/** Whether the principal passes the rule; for own-party writes, given the parties the fact is about. */
export function allows(principal: Principal, rule: AccessRule, factParties: readonly string[] = []): boolean {
  if (rule.kind === 'public') return true;
  if (principal.kind === 'programme-team') return true;
  switch (rule.kind) {
    case 'views':
      return principal.kind === 'evaluator' || principal.kind === 'party-member';
    case 'audit':
      return false;
    case 'write':
      if (principal.kind !== 'party-member') return false;
      return rule.scope === 'any-party' || (rule.scope === 'own-party' && factParties.includes(principal.partyId));
    default: {
      const unreachable: never = rule;
      return unreachable;
    }
  }
}

/** Restricted fields (handover notes) are for the programme team and the party they are about. */
export const mayReadRestricted = (principal: Principal, partyId: string | undefined): boolean =>
  principal.kind === 'programme-team' || (principal.kind === 'party-member' && principal.partyId === partyId);

/** Names and contact details of people: not for evaluators or the public. */
export const mayReadPersonalData = (principal: Principal): boolean =>
  principal.kind === 'programme-team' || principal.kind === 'party-member';

export const describePrincipal = (principal: Principal): string =>
  principal.kind === 'anonymous'
    ? 'anonymous'
    : principal.kind === 'party-member'
      ? `${principal.kind}:${principal.partyId}:${principal.id}`
      : `${principal.kind}:${principal.id}`;

/**
 * A person's name: for the programme team, and for members of a party the person works or
 * came for (its own people). Everyone else reads the person's role instead.
 */
export const mayReadNameOf = (principal: Principal, partiesOfPerson: ReadonlySet<string>): boolean =>
  principal.kind === 'programme-team' || (principal.kind === 'party-member' && partiesOfPerson.has(principal.partyId));

/**
 * Which programmes' views a principal reads: the programme team and evaluators every
 * programme; a member of a party those its party takes part in (`partyProgrammes`).
 */
export const mayReadProgramme = (
  principal: Principal,
  programmeId: string,
  partyProgrammes: ReadonlySet<string>,
): boolean =>
  principal.kind === 'programme-team' ||
  principal.kind === 'evaluator' ||
  (principal.kind === 'party-member' && partyProgrammes.has(programmeId));
