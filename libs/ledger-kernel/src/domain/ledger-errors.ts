/**
 * The four ways a command can fail, mapped to HTTP in one place (the API's exception filter).
 * Messages are for people: Dutch first, then English.
 */
export type LedgerErrorKind = 'illegal-state' | 'not-found' | 'concurrency' | 'validation';

export abstract class LedgerError extends Error {
  abstract readonly kind: LedgerErrorKind;
  /** A stable, specific name for the broken rule, e.g. `commitment-not-open`. */
  abstract readonly code: string;
}

/** A business rule forbids this command in the current state. */
export class IllegalStateError extends LedgerError {
  readonly kind = 'illegal-state';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const ENTITY_NAMES = {
  programme: ['programma', 'programme'],
  site: ['proeftuin', 'site'],
  party: ['partij', 'party'],
  person: ['persoon', 'person'],
  role: ['rol', 'role'],
  meeting: ['bijeenkomst', 'meeting'],
  commitment: ['toezegging', 'commitment'],
  payment: ['betaling', 'payment'],
  invoice: ['factuur', 'invoice'],
  reflection: ['reflectie', 'reflection'],
} as const;
export type EntityKind = keyof typeof ENTITY_NAMES;

/** A command names something that was never recorded. */
export class NotFoundError extends LedgerError {
  readonly kind = 'not-found';
  readonly code: string;
  constructor(
    readonly entity: EntityKind,
    readonly id: string,
  ) {
    const [dutch, english] = ENTITY_NAMES[entity];
    super(`Onbekende ${dutch} "${id}". / Unknown ${english} "${id}".`);
    this.code = `${entity}-not-found`;
  }
}

/** Another writer changed the stream first and the command cannot be retried safely. */
export class ConcurrencyError extends LedgerError {
  readonly kind = 'concurrency';
  readonly code = 'concurrent-change';
  constructor(
    readonly streamName: string,
    /** The stream's revision now; send it as If-Match after re-reading. */
    readonly currentRevision: number | undefined,
  ) {
    super(
      `Iemand anders heeft dit net gewijzigd; lees opnieuw en probeer het dan nog eens. / Someone else changed this first; read it again and retry.`,
    );
  }
}

/** The input itself is wrong, whatever the state. */
export class ValidationError extends LedgerError {
  readonly kind = 'validation';
  readonly code = 'invalid-input';
  constructor(readonly problems: readonly { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

/** Every consistency boundary lives in a stream named `<entity>-<id>`. */
export const streamName = (entity: EntityKind, id: string) => `${entity}-${id}`;

/** The rule every amount obeys, as an error a person understands. */
export const notPositiveCents = (amount: unknown) =>
  new IllegalStateError(
    'amount-not-positive-cents',
    `Een bedrag is een positief geheel aantal eurocenten, niet ${String(amount)}. / An amount is a positive whole number of euro cents, not ${String(amount)}.`,
  );
