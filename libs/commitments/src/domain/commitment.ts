import {
  IllegalStateError,
  isPositiveCents,
  NotFoundError,
  notPositiveCents,
  storedVisibility,
  streamName,
  type Cents,
  type Decider,
  type IsoDate,
  type Visibility,
} from '@samen/ledger-kernel';
import { commitmentUpcaster, type CommitmentEvent, type CommitmentMade } from './commitment.events';

/** Attend collective meetings, fund, house, support, deliver, change policy, pay attendance fees. */
export const COMMITMENT_KINDS = [
  'attend',
  'fund',
  'house',
  'support',
  'deliver',
  'change-policy',
  'attendance-fee',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
/** Kinds that promise money and so must say how much. */
const MONEY_KINDS: readonly CommitmentKind[] = ['fund', 'attendance-fee'];

export type CommitmentTerms = {
  commitmentId: string;
  programmeId: string;
  siteId?: string;
  byPartyId: string;
  /** The seat it is made through; whoever holds that role owns the commitment. */
  byRoleId?: string;
  responsiblePersonId: string;
  toPartyIds: string[];
  kind: CommitmentKind;
  description: string;
  amountInCents?: Cents;
  dueOn?: IsoDate;
};

/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

export type MakeCommitment = Readonly<{ type: 'MakeCommitment'; data: CommitmentTerms & Visible }>;
export type AmendCommitment = Readonly<{
  type: 'AmendCommitment';
  data: {
    commitmentId: string;
    description?: string;
    amountInCents?: Cents;
    dueOn?: IsoDate;
    reason: string;
  } & Visible;
}>;
export type TransferCommitmentOwnership = Readonly<{
  type: 'TransferCommitmentOwnership';
  data: { commitmentId: string; toPersonId: string; toRoleId?: string; reason: string } & Visible;
}>;
export type FulfilCommitment = Readonly<{
  type: 'FulfilCommitment';
  data: { commitmentId: string; evidence: string } & Visible;
}>;
export type BreakCommitment = Readonly<{
  type: 'BreakCommitment';
  data: { commitmentId: string; reason: string } & Visible;
}>;
export type WithdrawCommitment = Readonly<{
  type: 'WithdrawCommitment';
  data: { commitmentId: string; reason: string } & Visible;
}>;
export type CommitmentCommand =
  | MakeCommitment
  | AmendCommitment
  | TransferCommitmentOwnership
  | FulfilCommitment
  | BreakCommitment
  | WithdrawCommitment;

export type CommitmentStatus = 'open' | 'fulfilled' | 'broken' | 'withdrawn';
/** The terms in force; who may read each fact is the fact's, not the commitment's state. */
export type Commitment =
  { status: 'none' } | { status: CommitmentStatus; terms: Omit<CommitmentMade['data'], 'visibility'> };

export const commitmentStream = (commitmentId: string) => streamName('commitment', commitmentId);

const STATUS_NAMES: Record<CommitmentStatus, string> = {
  open: 'open / open',
  fulfilled: 'nagekomen / fulfilled',
  broken: 'gebroken / broken',
  withdrawn: 'ingetrokken / withdrawn',
};

export const commitmentDecider: Decider<CommitmentCommand, CommitmentEvent, Commitment> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'MakeCommitment') {
      if (state.status !== 'none') {
        throw new IllegalStateError(
          'commitment-already-made',
          `Toezegging "${command.data.commitmentId}" bestaat al. / Commitment "${command.data.commitmentId}" already exists.`,
        );
      }
      const { commitmentId, programmeId, siteId, byPartyId, byRoleId, responsiblePersonId, toPartyIds } = command.data;
      const { kind, description, amountInCents, dueOn } = command.data;
      if (amountInCents !== undefined && !isPositiveCents(amountInCents)) throw notPositiveCents(amountInCents);
      if (toPartyIds.includes(byPartyId)) {
        throw new IllegalStateError(
          'commitment-to-self',
          'Een partij doet geen toezegging aan zichzelf. / A party does not commit to itself.',
        );
      }
      if (MONEY_KINDS.includes(kind) && amountInCents === undefined) {
        throw new IllegalStateError(
          'amount-required',
          'Een toezegging van geld noemt een bedrag. / A commitment of money states an amount.',
        );
      }
      return [
        {
          type: 'CommitmentMade',
          data: {
            commitmentId,
            programmeId,
            ...(siteId !== undefined && { siteId }),
            byPartyId,
            ...(byRoleId !== undefined && { byRoleId }),
            responsiblePersonId,
            toPartyIds: [...new Set(toPartyIds)],
            kind,
            description,
            ...(amountInCents !== undefined && { amountInCents }),
            ...(dueOn !== undefined && { dueOn }),
            visibility: storedVisibility(command.data.visibility),
          },
        },
      ];
    }
    if (state.status === 'none') throw new NotFoundError('commitment', command.data.commitmentId);
    if (state.status !== 'open') {
      throw new IllegalStateError(
        'commitment-not-open',
        `Deze toezegging is ${STATUS_NAMES[state.status].split(' / ')[0]}, niet meer open. / This commitment is ${STATUS_NAMES[state.status].split(' / ')[1]}, no longer open.`,
      );
    }
    switch (command.type) {
      case 'AmendCommitment': {
        const { terms } = state;
        const { commitmentId, description, amountInCents, dueOn, reason } = command.data;
        if (amountInCents !== undefined && !isPositiveCents(amountInCents)) throw notPositiveCents(amountInCents);
        const changes =
          (description !== undefined && description !== terms.description) ||
          (amountInCents !== undefined && amountInCents !== terms.amountInCents) ||
          (dueOn !== undefined && dueOn !== terms.dueOn);
        if (!changes) {
          throw new IllegalStateError(
            'amendment-changes-nothing',
            'Deze wijziging verandert niets aan de toezegging. / This amendment changes nothing.',
          );
        }
        return [
          {
            type: 'CommitmentAmended',
            data: {
              commitmentId,
              ...(description !== undefined && { description }),
              ...(amountInCents !== undefined && { amountInCents }),
              ...(dueOn !== undefined && { dueOn }),
              reason,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      case 'TransferCommitmentOwnership': {
        const { commitmentId, toPersonId, toRoleId, reason } = command.data;
        if (
          command.data.toPersonId === state.terms.responsiblePersonId &&
          (command.data.toRoleId === undefined || command.data.toRoleId === state.terms.byRoleId)
        ) {
          throw new IllegalStateError(
            'already-the-owner',
            `"${command.data.toPersonId}" is al verantwoordelijk. / "${command.data.toPersonId}" is already responsible.`,
          );
        }
        return [
          {
            type: 'CommitmentOwnershipTransferred',
            data: {
              commitmentId,
              toPersonId,
              ...(toRoleId !== undefined && { toRoleId }),
              reason,
              fromPersonId: state.terms.responsiblePersonId,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      case 'FulfilCommitment':
        return [
          {
            type: 'CommitmentFulfilled',
            data: {
              commitmentId: command.data.commitmentId,
              evidence: command.data.evidence,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      case 'BreakCommitment':
        return [
          {
            type: 'CommitmentBroken',
            data: {
              commitmentId: command.data.commitmentId,
              reason: command.data.reason,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      case 'WithdrawCommitment':
        return [
          {
            type: 'CommitmentWithdrawn',
            data: {
              commitmentId: command.data.commitmentId,
              reason: command.data.reason,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
  evolve(state, event) {
    if (event.type === 'CommitmentMade') {
      const { visibility: _ofTheFact, ...terms } = event.data;
      return { status: 'open', terms };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'CommitmentAmended': {
        const { description, amountInCents, dueOn } = event.data;
        return {
          ...state,
          terms: {
            ...state.terms,
            ...(description !== undefined && { description }),
            ...(amountInCents !== undefined && { amountInCents }),
            ...(dueOn !== undefined && { dueOn }),
          },
        };
      }
      case 'CommitmentOwnershipTransferred': {
        const { toPersonId, toRoleId } = event.data;
        return {
          ...state,
          terms: {
            ...state.terms,
            responsiblePersonId: toPersonId,
            ...(toRoleId !== undefined && { byRoleId: toRoleId }),
          },
        };
      }
      case 'CommitmentFulfilled':
        return { ...state, status: 'fulfilled' };
      case 'CommitmentBroken':
        return { ...state, status: 'broken' };
      case 'CommitmentWithdrawn':
        return { ...state, status: 'withdrawn' };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  upcaster: commitmentUpcaster,
};
