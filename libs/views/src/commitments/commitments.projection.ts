import type { CommitmentKind } from '@samen/commitments';
import type { LedgerFact, Stamp } from '../core/ledger-fact';
import { pushTo, type Projection } from '../core/projection';

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
 * One fact in a commitment's history: what, who, when and where in the log; never its data.
 * The position is kept as a number while it is a safe integer (no string per fact), else as
 * its text; `positionText` gives it back as the API writes positions.
 */
export interface HistoryEntry extends Stamp {
  readonly type: CommitmentHistoryType;
  readonly position: number | string;
  readonly actor: string | undefined;
}

export const positionText = (position: number | string) => String(position);

/** What a commitment was made as: the parts no later fact changes. */
export interface CommitmentOrigin extends Stamp {
  readonly programmeId: string;
  readonly siteId: string | undefined;
  readonly byPartyId: string;
  readonly toPartyIds: readonly string[];
  readonly kind: CommitmentKind;
}

/**
 * A version of the terms: the made terms, then each amendment with only the terms it
 * changed. The terms in a window are folded from these at query time, so an amendment
 * recorded late still lands in its place.
 */
export interface TermsVersion extends Terms, Stamp {}

export interface Terms {
  readonly description?: string;
  readonly amountInCents?: number;
  readonly dueOn?: string;
}

/** Who owns it from this fact on; a version without `roleId` leaves the seat as it was. */
export interface OwnerVersion extends Stamp {
  readonly personId: string;
  readonly roleId: string | undefined;
}

export type CommitmentOutcome = 'fulfilled' | 'broken' | 'withdrawn';

export interface OutcomeVersion extends Stamp {
  readonly status: CommitmentOutcome;
}

/**
 * Everything the audit keeps of one commitment. `origin` is missing while only a handover
 * naming it has arrived (streams are read in any order); queries skip such records.
 */
export interface CommitmentRecord {
  readonly commitmentId: string;
  origin: CommitmentOrigin | undefined;
  terms: readonly TermsVersion[];
  owners: readonly OwnerVersion[];
  outcomes: readonly OutcomeVersion[];
  history: readonly HistoryEntry[];
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

/*
 * Memory: a million facts leave tens of thousands of commitments here, so each record is
 * kept small. Objects are written as literals of one fixed shape (spreads and optional
 * properties give objects out-of-line property stores), short lists are copied to their
 * exact length instead of growing by push (V8 grows a one-element array to seventeen
 * slots), and a fact's position is kept as a number rather than a string of its own.
 */
export const commitmentsProjection: Projection<CommitmentsState> = {
  name: 'commitments',
  initialState: () => ({ byId: new Map(), byParty: new Map(), bySite: new Map(), money: [] }),
  apply(state, fact) {
    const { occurredAt, recordedAt } = fact;
    switch (fact.type) {
      case 'CommitmentMade': {
        const { commitmentId, programmeId, siteId, byPartyId, byRoleId, responsiblePersonId, toPartyIds, kind } =
          fact.data;
        const { description, amountInCents, dueOn } = fact.data;
        const record = recordOf(state, commitmentId);
        record.origin = { programmeId, siteId, byPartyId, toPartyIds, kind, occurredAt, recordedAt };
        record.terms = append(record.terms, { description, amountInCents, dueOn, occurredAt, recordedAt });
        record.owners = append(record.owners, {
          personId: responsiblePersonId,
          roleId: byRoleId,
          occurredAt,
          recordedAt,
        });
        record.history = append(record.history, historyEntry(fact, 'CommitmentMade'));
        for (const partyId of new Set([byPartyId, ...toPartyIds])) pushTo(state.byParty, partyId, commitmentId);
        if (siteId !== undefined) pushTo(state.bySite, siteId, commitmentId);
        if (MONEY_KINDS.includes(kind)) state.money.push(commitmentId);
        return;
      }
      case 'CommitmentAmended': {
        const { description, amountInCents, dueOn } = fact.data;
        const record = recordOf(state, fact.data.commitmentId);
        record.terms = append(record.terms, {
          description,
          amountInCents,
          dueOn,
          occurredAt,
          recordedAt,
        });
        record.history = append(record.history, historyEntry(fact, 'CommitmentAmended'));
        return;
      }
      case 'CommitmentOwnershipTransferred': {
        const { toPersonId, toRoleId } = fact.data;
        const record = recordOf(state, fact.data.commitmentId);
        record.owners = append(record.owners, {
          personId: toPersonId,
          roleId: toRoleId,
          occurredAt,
          recordedAt,
        });
        record.history = append(record.history, historyEntry(fact, 'CommitmentOwnershipTransferred'));
        return;
      }
      case 'CommitmentFulfilled':
        return closed(state, fact, 'fulfilled', 'CommitmentFulfilled');
      case 'CommitmentBroken':
        return closed(state, fact, 'broken', 'CommitmentBroken');
      case 'CommitmentWithdrawn':
        return closed(state, fact, 'withdrawn', 'CommitmentWithdrawn');
      case 'HandoverRecorded': {
        // A handover moves the seat's open commitments to the successor; to nobody, it
        // moves nothing here (the continuity view counts those as left without an owner).
        const { toPersonId, transferredCommitmentIds } = fact.data;
        for (const commitmentId of transferredCommitmentIds) {
          const record = recordOf(state, commitmentId);
          if (toPersonId !== null) {
            record.owners = append(record.owners, {
              personId: toPersonId,
              roleId: undefined,
              occurredAt,
              recordedAt,
            });
          }
          record.history = append(record.history, historyEntry(fact, 'HandoverRecorded'));
        }
        return;
      }
      default:
        return;
    }
  },
};

function closed(
  state: CommitmentsState,
  fact: LedgerFact & { data: { commitmentId: string } },
  status: CommitmentOutcome,
  type: CommitmentHistoryType,
): void {
  const record = recordOf(state, fact.data.commitmentId);
  record.outcomes = append(record.outcomes, { status, occurredAt: fact.occurredAt, recordedAt: fact.recordedAt });
  record.history = append(record.history, historyEntry(fact, type));
}

function recordOf(state: CommitmentsState, commitmentId: string): CommitmentRecord {
  let record = state.byId.get(commitmentId);
  if (!record) {
    record = { commitmentId, origin: undefined, terms: [], owners: [], outcomes: [], history: [] };
    state.byId.set(commitmentId, record);
  }
  return record;
}

/** A list with one more item: copied to its exact length while short, then grown in place. */
function append<T>(list: readonly T[], item: T): readonly T[] {
  if (list.length < 8) return [...list, item];
  (list as T[]).push(item);
  return list;
}

function historyEntry(fact: LedgerFact, type: CommitmentHistoryType): HistoryEntry {
  const position = Number(fact.position);
  return {
    type,
    position: Number.isSafeInteger(position) ? position : fact.position,
    actor: fact.actor === undefined ? undefined : fact.actor,
    occurredAt: fact.occurredAt,
    recordedAt: fact.recordedAt,
  };
}
