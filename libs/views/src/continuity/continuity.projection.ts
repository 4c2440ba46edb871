import type { CommitmentKind } from '@samen/commitments/domain';
import { stampOf, type Stamp } from '../core/ledger-fact';
import { pushTo, type Projection } from '../core/projection';

/** A person took a seat: its first holder (RoleAssigned) or a successor (SuccessorAppointed). */
export interface SeatTaken extends Stamp {
  readonly kind: 'assigned' | 'appointed';
  readonly personId: string;
}

/** The holder left the seat (RoleVacated). */
export interface SeatVacated extends Stamp {
  readonly kind: 'vacated';
  readonly personId: string;
}

/**
 * A handover by someone who held the seat (HandoverRecorded). The restricted `note` is never
 * kept here: this state feeds views that every reader of the programme may see.
 */
export interface SeatHandover extends Stamp {
  readonly kind: 'handover';
  readonly handoverId: string;
  readonly fromPersonId: string;
  /** Null: handed to the party itself, nobody found yet. */
  readonly toPersonId: string | null;
  readonly handedOverOn: string;
  readonly transferredCommitmentIds: readonly string[];
  readonly introducedToPartners: boolean;
}

export type SeatFact = SeatTaken | SeatVacated | SeatHandover;

/** What happened to a seat-bound commitment after it was made, in its stream's order. */
export type CommitmentChange = Stamp &
  (
    | { readonly kind: 'transferred'; readonly toPersonId: string; readonly toRoleId?: string }
    | { readonly kind: 'fulfilled' | 'broken' | 'withdrawn' }
  );

/**
 * A commitment that belongs (or came to belong) to a seat. Its stamp is when it joined a
 * seat: when made through a role, or when a transfer named a role for a commitment made
 * without one.
 */
export interface SeatCommitment extends Stamp {
  readonly commitmentId: string;
  /** The seat it was made through; undefined when it only joined one by a transfer. */
  readonly byRoleId?: string;
  /** Unknown (undefined) for a commitment that only joined a seat by a transfer. */
  readonly kind?: CommitmentKind;
  readonly changes: CommitmentChange[];
}

/**
 * Continuity after staff turnover and handover history share this state: who held each
 * seat when, and the commitments bound to seats. The seat itself (party, site, title) is
 * in the directory; people appear by id only.
 */
export interface Continuity {
  /** Per role id, every fact about who held it and the handovers, in the role stream's order. */
  readonly seats: Map<string, SeatFact[]>;
  /** Commitments bound to a seat, by commitment id. Commitments of no seat are not kept. */
  readonly commitments: Map<string, SeatCommitment>;
  /** Per role id, the commitments that were ever bound to it (in arrival order; sort when reading). */
  readonly commitmentsBySeat: Map<string, string[]>;
}

export const continuityProjection: Projection<Continuity> = {
  name: 'continuity',
  types: [
    'RoleAssigned',
    'SuccessorAppointed',
    'RoleVacated',
    'HandoverRecorded',
    'CommitmentMade',
    'CommitmentOwnershipTransferred',
    'CommitmentFulfilled',
    'CommitmentBroken',
    'CommitmentWithdrawn',
  ],
  initialState: () => ({
    seats: new Map(),
    commitments: new Map(),
    commitmentsBySeat: new Map(),
  }),
  apply(state, fact) {
    switch (fact.type) {
      case 'RoleAssigned': {
        const { roleId, personId } = fact.data;
        pushTo(state.seats, roleId, { kind: 'assigned', personId, ...stampOf(fact) });
        return;
      }
      case 'SuccessorAppointed':
        pushTo(state.seats, fact.data.roleId, { kind: 'appointed', personId: fact.data.personId, ...stampOf(fact) });
        return;
      case 'RoleVacated':
        pushTo(state.seats, fact.data.roleId, {
          kind: 'vacated',
          personId: fact.data.personId,
          // The reason for leaving is personal data (libs/personal-data): not for a shared view.
          ...stampOf(fact),
        });
        return;
      case 'HandoverRecorded': {
        // The note is restricted (readable by the party and the programme team only) and is
        // deliberately dropped: access control for views comes later.
        const { roleId, handoverId, fromPersonId, toPersonId, handedOverOn, introducedToPartners } = fact.data;
        pushTo(state.seats, roleId, {
          kind: 'handover',
          handoverId,
          fromPersonId,
          toPersonId,
          handedOverOn,
          transferredCommitmentIds: [...fact.data.transferredCommitmentIds],
          introducedToPartners,
          ...stampOf(fact),
        });
        return;
      }
      case 'CommitmentMade': {
        const { commitmentId, byRoleId, kind } = fact.data;
        if (byRoleId === undefined) return;
        state.commitments.set(commitmentId, { commitmentId, byRoleId, kind, changes: [], ...stampOf(fact) });
        bindToSeat(state, byRoleId, commitmentId);
        return;
      }
      case 'CommitmentOwnershipTransferred': {
        const { commitmentId, toPersonId, toRoleId } = fact.data;
        let commitment = state.commitments.get(commitmentId);
        if (!commitment) {
          if (toRoleId === undefined) return;
          commitment = { commitmentId, changes: [], ...stampOf(fact) };
          state.commitments.set(commitmentId, commitment);
        }
        commitment.changes.push({
          kind: 'transferred',
          toPersonId,
          ...(toRoleId !== undefined && { toRoleId }),
          ...stampOf(fact),
        });
        if (toRoleId !== undefined) bindToSeat(state, toRoleId, commitmentId);
        return;
      }
      case 'CommitmentFulfilled':
      case 'CommitmentBroken':
      case 'CommitmentWithdrawn':
        state.commitments.get(fact.data.commitmentId)?.changes.push({ kind: END_KINDS[fact.type], ...stampOf(fact) });
        return;
      default:
        return;
    }
  },
};

const END_KINDS = {
  CommitmentFulfilled: 'fulfilled',
  CommitmentBroken: 'broken',
  CommitmentWithdrawn: 'withdrawn',
} as const;

function bindToSeat(state: Continuity, roleId: string, commitmentId: string): void {
  const bound = state.commitmentsBySeat.get(roleId);
  if (bound?.includes(commitmentId)) return;
  pushTo(state.commitmentsBySeat, roleId, commitmentId);
}
