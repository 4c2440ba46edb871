import { IllegalStateError, streamName, type Decider, storedVisibility, type Visibility } from '@samen/ledger-kernel';
import { partyUpcaster, type PartyEvent } from './party.events';

/** Kinds of party, in code; screens say bewonersinitiatief, gemeente, fonds, … */
export const PARTY_KINDS = [
  'initiative',
  'municipality',
  'fund',
  'association',
  'welfare-organisation',
  'knowledge-partner',
  'programme-team',
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Every command may say who may read the fact it records; left out, the whole programme. */
type Visible = { visibility?: Visibility };

export type RegisterParty = Readonly<{
  type: 'RegisterParty';
  data: { partyId: string; kind: PartyKind; name: string } & Visible;
}>;
export type PartyCommand = RegisterParty;

export type Party = { status: 'none' } | { status: 'registered'; partyId: string; kind: PartyKind; name: string };

export const partyStream = (partyId: string) => streamName('party', partyId);

export const partyDecider: Decider<PartyCommand, PartyEvent, Party> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    if (state.status !== 'none') {
      throw new IllegalStateError(
        'party-already-registered',
        `Partij "${command.data.partyId}" is al geregistreerd. / Party "${command.data.partyId}" is already registered.`,
      );
    }
    const { partyId, kind, name } = command.data;
    return [
      {
        type: 'PartyRegistered',
        data: { partyId, kind, name, visibility: storedVisibility(command.data.visibility) },
      },
    ];
  },
  evolve(_state, event) {
    const { partyId, kind, name } = event.data;
    return { status: 'registered', partyId, kind, name };
  },
  upcaster: partyUpcaster,
};
