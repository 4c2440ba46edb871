import type { CommitmentKind } from '@samen/commitments/domain';
import type { LedgerFact, Stamp } from '../core/ledger-fact';
import { pushTo, type Projection } from '../core/projection';
import { shared } from '../core/shared-text';

/** The facts that make up a commitment's history: its own events and the handovers that moved it. */
export type CommitmentHistoryType =
  | 'CommitmentMade'
  | 'CommitmentAmended'
  | 'CommitmentOwnershipTransferred'
  | 'CommitmentFulfilled'
  | 'CommitmentBroken'
  | 'CommitmentWithdrawn'
  | 'HandoverRecorded';

/**
 * One fact of a commitment: what, who, when and where in the log, and what it changed of
 * the terms or the owner. Never the fact's data: no reasons, evidence or handover notes.
 * Together the facts are the commitment's history and its versioned, stamped terms: the
 * terms and owner in a window are folded from the facts in it at query time, so a fact
 * recorded late still lands in its place.
 */
export interface CommitmentFact extends Terms, Stamp {
  readonly type: CommitmentHistoryType;
  /** The log position: a number while it is a safe integer (no string per fact), else its text. */
  readonly position: number | string;
  readonly actor: string | undefined;
  /** The owner from this fact on (made, transferred, handed over); undefined when it moves nothing. */
  readonly personId: string | undefined;
  /** The seat from this fact on; undefined leaves the seat as it was. */
  readonly roleId: string | undefined;
}

export const positionText = (position: number | string) => String(position);

/** Terms a fact set: all of them when made, the changed ones when amended. */
export interface Terms {
  readonly description: string | undefined;
  readonly amountInCents: number | undefined;
  readonly dueOn: string | undefined;
}

/** What a commitment was made as: the parts no later fact changes. */
export interface CommitmentOrigin extends Stamp {
  readonly programmeId: string;
  readonly siteId: string | undefined;
  readonly byPartyId: string;
  readonly toPartyIds: readonly string[];
  readonly kind: CommitmentKind;
}

export type CommitmentOutcome = 'fulfilled' | 'broken' | 'withdrawn';

export const OUTCOME_OF: Partial<Record<CommitmentHistoryType, CommitmentOutcome>> = {
  CommitmentFulfilled: 'fulfilled',
  CommitmentBroken: 'broken',
  CommitmentWithdrawn: 'withdrawn',
};

/**
 * Everything the audit keeps of one commitment. `origin` is missing while only a handover
 * naming it has arrived (streams are read in any order); queries skip such records.
 */
export interface CommitmentRecord {
  readonly commitmentId: string;
  origin: CommitmentOrigin | undefined;
  facts: readonly CommitmentFact[];
}

export interface CommitmentsState {
  readonly byId: Map<string, CommitmentRecord>;
  /** Commitment ids per party that made them or was promised something. */
  readonly byParty: Map<string, string[]>;
  readonly bySite: Map<string, string[]>;
  /** Ids of the commitments of money (kinds 'fund' and 'attendance-fee'), for the money view. */
  readonly money: string[];
}

const MONEY_KINDS: readonly CommitmentKind[] = ['fund', 'attendance-fee'];

const NO_TERMS: Terms = { description: undefined, amountInCents: undefined, dueOn: undefined };
const NO_OWNER = { personId: undefined, roleId: undefined };

/*
 * Memory: a million facts leave tens of thousands of commitments here, so each record is
 * kept small: one object per fact, written as a literal of one fixed shape (spreads and
 * optional properties give objects out-of-line property stores); short lists copied to
 * their exact length instead of grown by push (V8 grows a one-element array to seventeen
 * slots); positions kept as numbers; repeated texts shared (see shared-text.ts).
 */
export const commitmentsProjection: Projection<CommitmentsState> = {
  name: 'commitments',
  types: [
    'CommitmentMade',
    'CommitmentAmended',
    'CommitmentOwnershipTransferred',
    'CommitmentFulfilled',
    'CommitmentBroken',
    'CommitmentWithdrawn',
    'HandoverRecorded',
  ],
  initialState: () => ({ byId: new Map(), byParty: new Map(), bySite: new Map(), money: [] }),
  apply(state, fact) {
    switch (fact.type) {
      case 'CommitmentMade': {
        const { commitmentId, programmeId, siteId, byPartyId, byRoleId, responsiblePersonId, toPartyIds, kind } =
          fact.data;
        const { description, amountInCents, dueOn } = fact.data;
        const record = recordOf(state, commitmentId);
        record.origin = {
          programmeId: shared(programmeId),
          siteId: shared(siteId),
          byPartyId: shared(byPartyId),
          toPartyIds: toPartyIds.map((partyId) => shared(partyId)),
          kind: shared(kind),
          occurredAt: fact.occurredAt,
          recordedAt: fact.recordedAt,
        };
        add(
          record,
          fact,
          'CommitmentMade',
          { description, amountInCents, dueOn },
          {
            personId: responsiblePersonId,
            roleId: byRoleId,
          },
        );
        const id = record.commitmentId;
        for (const partyId of new Set([byPartyId, ...toPartyIds])) pushTo(state.byParty, shared(partyId), id);
        if (siteId !== undefined) pushTo(state.bySite, shared(siteId), id);
        if (MONEY_KINDS.includes(kind)) state.money.push(id);
        return;
      }
      case 'CommitmentAmended': {
        const { description, amountInCents, dueOn } = fact.data;
        add(recordOf(state, fact.data.commitmentId), fact, fact.type, { description, amountInCents, dueOn }, NO_OWNER);
        return;
      }
      case 'CommitmentOwnershipTransferred':
        add(recordOf(state, fact.data.commitmentId), fact, fact.type, NO_TERMS, {
          personId: fact.data.toPersonId,
          roleId: fact.data.toRoleId,
        });
        return;
      case 'CommitmentFulfilled':
      case 'CommitmentBroken':
      case 'CommitmentWithdrawn':
        add(recordOf(state, fact.data.commitmentId), fact, fact.type, NO_TERMS, NO_OWNER);
        return;
      case 'HandoverRecorded': {
        // A handover moves the seat's open commitments to the successor; to nobody, it
        // moves nothing here (the continuity view counts those as left without an owner).
        const { toPersonId, transferredCommitmentIds } = fact.data;
        const owner = { personId: toPersonId ?? undefined, roleId: undefined };
        for (const commitmentId of transferredCommitmentIds) {
          add(recordOf(state, commitmentId), fact, 'HandoverRecorded', NO_TERMS, owner);
        }
        return;
      }
      default:
        return;
    }
  },
};

function recordOf(state: CommitmentsState, commitmentId: string): CommitmentRecord {
  let record = state.byId.get(commitmentId);
  if (!record) {
    record = { commitmentId, origin: undefined, facts: [] };
    state.byId.set(commitmentId, record);
  }
  return record;
}

function add(
  record: CommitmentRecord,
  fact: LedgerFact,
  type: CommitmentHistoryType,
  terms: Terms,
  owner: { personId: string | undefined; roleId: string | undefined },
): void {
  const position = Number(fact.position);
  const entry: CommitmentFact = {
    type: shared(type),
    position: Number.isSafeInteger(position) ? position : fact.position,
    actor: shared(fact.actor),
    occurredAt: fact.occurredAt,
    recordedAt: fact.recordedAt,
    description: terms.description,
    amountInCents: terms.amountInCents,
    dueOn: shared(terms.dueOn),
    personId: shared(owner.personId),
    roleId: shared(owner.roleId),
  };
  // Copied to its exact length while short, then grown in place.
  if (record.facts.length < 8) record.facts = [...record.facts, entry];
  else (record.facts as CommitmentFact[]).push(entry);
}
