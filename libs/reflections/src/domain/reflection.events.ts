import { Upcaster, type DomainEvent, type Visibility } from '@samen/ledger-kernel';

/** What a reflection is about: one site, meeting or commitment, or the programme as a whole. */
export const SUBJECT_KINDS = ['site', 'meeting', 'commitment', 'programme'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export type ReflectionSubject = { readonly kind: SubjectKind; readonly id: string };

/** What is stored of each reflection fact, field by field: changing a field here changes the log. */
export type ReflectionRecorded = DomainEvent<
  'ReflectionRecorded',
  {
    reflectionId: string;
    programmeId: string;
    subject: ReflectionSubject;
    /** Wat er gebeurde. */
    whatHappened: string;
    /** Wat we ervan leerden. */
    learned: string;
    /** Each once, in the order first named. */
    themes: string[];
    visibility: Visibility;
    byPartyId: string;
  }
>;

/**
 * Who may read a fact changed: a new fact beside it, never an edit. It names the fact (its
 * stream and the id of the thing), what the visibility was and what it is now, and why; who
 * changed it is the fact's actor (the principal, ADR 0007) and when its own time.
 */
export type VisibilityChanged = DomainEvent<
  'VisibilityChanged',
  {
    streamName: string;
    factId: string;
    from: Visibility;
    to: Visibility;
    reason: string;
  }
>;

export type ReflectionEvent = ReflectionRecorded | VisibilityChanged;

/** Reflections were recorded with their visibility from the first: version 1 has it. */
export const reflectionUpcaster = new Upcaster<ReflectionEvent>({
  ReflectionRecorded: { current: 1 },
  VisibilityChanged: { current: 1 },
});
