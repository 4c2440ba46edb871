import type { Visibility } from '@samen/ledger-kernel';
import type { ReflectionSubject } from '@samen/reflections/domain';
import { stampOf, type Stamp } from '../core/ledger-fact';
import type { Projection } from '../core/projection';

/** One visibility a reflection had, from the fact that gave it. */
export interface VisibilityVersion extends Stamp {
  readonly visibility: Visibility;
}

/** A reflection as recorded, with every visibility it has had in order. */
export interface ReflectionEntry extends Stamp {
  readonly reflectionId: string;
  readonly programmeId: string;
  readonly subject: ReflectionSubject;
  readonly whatHappened: string;
  readonly learned: string;
  readonly themes: readonly string[];
  readonly byPartyId: string;
  readonly visibilities: VisibilityVersion[];
}

/**
 * Reflections with their words: the one view that keeps a fact's text, so every answer from
 * it is filtered per reader by the rule book (`mayReadFact`), never cached for all readers.
 */
export interface ReflectionsState {
  readonly byId: Map<string, ReflectionEntry>;
}

export const reflectionsProjection: Projection<ReflectionsState> = {
  name: 'reflections',
  types: ['ReflectionRecorded', 'VisibilityChanged'],
  initialState: () => ({ byId: new Map() }),
  apply(state, fact) {
    switch (fact.type) {
      case 'ReflectionRecorded': {
        const { reflectionId, programmeId, subject, whatHappened, learned, themes, byPartyId, visibility } = fact.data;
        if (state.byId.has(reflectionId)) return;
        state.byId.set(reflectionId, {
          reflectionId,
          programmeId,
          subject: { kind: subject.kind, id: subject.id },
          whatHappened,
          learned,
          themes: [...themes],
          byPartyId,
          visibilities: [{ visibility, ...stampOf(fact) }],
          ...stampOf(fact),
        });
        return;
      }
      case 'VisibilityChanged': {
        // The stream is the reflection's own, so its first fact came first.
        state.byId.get(fact.data.factId)?.visibilities.push({ visibility: fact.data.to, ...stampOf(fact) });
        return;
      }
      default:
        return;
    }
  },
};
