import {
  IllegalStateError,
  NotFoundError,
  storedVisibility,
  streamName,
  type Decider,
  type IsoDate,
  type Visibility,
} from '@samen/ledger-kernel';
import { roleUpcaster, type RoleEvent } from './role.events';

/**
 * A role is a seat at a party ("beleidsadviseur for the Kampen site"), held by one person
 * at a time. Commitments made through a role belong to the seat, so a handover can move
 * them to the successor, and a departure without one leaves them without an owner.
 */
/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

export type AssignRole = Readonly<{
  type: 'AssignRole';
  data: {
    roleId: string;
    partyId: string;
    programmeId?: string;
    siteId?: string;
    title: string;
    personId: string;
  } & Visible;
}>;
export type VacateRole = Readonly<{
  type: 'VacateRole';
  data: { roleId: string; personId: string; reason: string } & Visible;
}>;
export type AppointSuccessor = Readonly<{
  type: 'AppointSuccessor';
  data: { roleId: string; personId: string } & Visible;
}>;
export type RecordHandover = Readonly<{
  type: 'RecordHandover';
  data: {
    roleId: string;
    handoverId: string;
    fromPersonId: string;
    /** Null when nobody has been found yet: the handover is to the party itself. */
    toPersonId: string | null;
    handedOverOn: IsoDate;
    transferredCommitmentIds: string[];
    introducedToPartners: boolean;
    /** Restricted: only the party and the programme team may read it. */
    note?: string;
  } & Visible;
  /** What the handler found about the commitments named: which are not open, which belong to another seat. */
  context: { commitmentsNotOpen: readonly string[]; commitmentsOfOtherRoles: readonly string[] };
}>;
export type RoleCommand = AssignRole | VacateRole | AppointSuccessor | RecordHandover;

type Seat = { roleId: string; partyId: string; programmeId?: string; siteId?: string; title: string };
export type Role =
  | { status: 'none' }
  | (Seat & { status: 'held'; holder: string; previousHolder?: string; handedOverBy: readonly string[] })
  | (Seat & { status: 'vacant'; previousHolder: string; handedOverBy: readonly string[] });

export const roleStream = (roleId: string) => streamName('role', roleId);

export const roleDecider: Decider<RoleCommand, RoleEvent, Role> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (command.type === 'AssignRole') {
      if (state.status !== 'none') {
        throw new IllegalStateError(
          'role-already-assigned',
          `Rol "${command.data.roleId}" bestaat al; benoem een opvolger. / Role "${command.data.roleId}" exists; appoint a successor instead.`,
        );
      }
      const { roleId, partyId, programmeId, siteId, title, personId } = command.data;
      return [
        {
          type: 'RoleAssigned',
          data: {
            roleId,
            partyId,
            ...(programmeId !== undefined && { programmeId }),
            ...(siteId !== undefined && { siteId }),
            title,
            personId,
            visibility: storedVisibility(command.data.visibility),
          },
        },
      ];
    }
    if (state.status === 'none') throw new NotFoundError('role', command.data.roleId);
    switch (command.type) {
      case 'VacateRole':
        if (state.status !== 'held' || state.holder !== command.data.personId) {
          throw notTheHolder(command.data.personId, state);
        }
        return [
          {
            type: 'RoleVacated',
            data: {
              roleId: command.data.roleId,
              personId: command.data.personId,
              reason: command.data.reason,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      case 'AppointSuccessor':
        if (state.status === 'held') {
          throw new IllegalStateError(
            'role-is-held',
            `Deze rol wordt nog vervuld door "${state.holder}"; die moet eerst vertrekken. / This role is still held by "${state.holder}", who must leave first.`,
          );
        }
        return [
          {
            type: 'SuccessorAppointed',
            data: {
              roleId: command.data.roleId,
              personId: command.data.personId,
              previousPersonId: state.previousHolder,
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      case 'RecordHandover': {
        const { roleId, handoverId, fromPersonId, toPersonId, handedOverOn, introducedToPartners, note } = command.data;
        if (!mayHandOver(state, fromPersonId, toPersonId)) throw notTheHolder(fromPersonId, state);
        if (state.handedOverBy.includes(fromPersonId)) {
          throw new IllegalStateError(
            'handover-already-recorded',
            `De overdracht van "${fromPersonId}" is al vastgelegd. / The handover by "${fromPersonId}" is already recorded.`,
          );
        }
        if (toPersonId === fromPersonId) {
          throw new IllegalStateError(
            'handover-to-self',
            'Niemand draagt over aan zichzelf. / Nobody hands over to themselves.',
          );
        }
        if (command.context.commitmentsNotOpen.length > 0) {
          const ids = command.context.commitmentsNotOpen.join(', ');
          throw new IllegalStateError(
            'commitment-not-open',
            `Alleen open toezeggingen gaan over; niet open: ${ids}. / Only open commitments can be handed over; not open: ${ids}.`,
          );
        }
        if (command.context.commitmentsOfOtherRoles.length > 0) {
          const ids = command.context.commitmentsOfOtherRoles.join(', ');
          throw new IllegalStateError(
            'commitment-of-another-role',
            `Deze toezeggingen horen niet bij deze rol: ${ids}. / These commitments do not belong to this role: ${ids}.`,
          );
        }
        return [
          {
            type: 'HandoverRecorded',
            data: {
              roleId,
              handoverId,
              fromPersonId,
              toPersonId,
              handedOverOn,
              transferredCommitmentIds: command.data.transferredCommitmentIds,
              introducedToPartners,
              ...(note !== undefined && { note }),
              visibility: storedVisibility(command.data.visibility),
            },
          },
        ];
      }
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'RoleAssigned': {
        // Who may read the fact is the fact's, not the seat's.
        const { personId, visibility: _ofTheFact, ...seat } = event.data;
        return { ...seat, status: 'held', holder: personId, handedOverBy: [] };
      }
      case 'RoleVacated':
        if (state.status !== 'held') return state;
        return { ...seatOf(state), status: 'vacant', previousHolder: state.holder, handedOverBy: state.handedOverBy };
      case 'SuccessorAppointed':
        if (state.status !== 'vacant') return state;
        return {
          ...seatOf(state),
          status: 'held',
          holder: event.data.personId,
          previousHolder: state.previousHolder,
          handedOverBy: state.handedOverBy,
        };
      case 'HandoverRecorded':
        if (state.status === 'none') return state;
        return { ...state, handedOverBy: [...state.handedOverBy, event.data.fromPersonId] };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  upcaster: roleUpcaster,
};

/**
 * Only the holder hands over: the one holding the role now, or the one who just left it
 * (while it is vacant, or to the successor who now holds it), since handovers are often
 * written down after the departure.
 */
function mayHandOver(state: Exclude<Role, { status: 'none' }>, from: string, to: string | null): boolean {
  if (state.status === 'held') return state.holder === from || (state.previousHolder === from && state.holder === to);
  return state.previousHolder === from;
}

function notTheHolder(personId: string, state: Exclude<Role, { status: 'none' }>): IllegalStateError {
  const holder = state.status === 'held' ? `"${state.holder}"` : 'niemand / nobody';
  return new IllegalStateError(
    'not-the-current-holder',
    `"${personId}" vervult deze rol niet (nu: ${holder}). / "${personId}" does not hold this role (now: ${holder}).`,
  );
}

function seatOf({ roleId, partyId, programmeId, siteId, title }: Seat): Seat {
  return { roleId, partyId, title, ...(programmeId && { programmeId }), ...(siteId && { siteId }) };
}
