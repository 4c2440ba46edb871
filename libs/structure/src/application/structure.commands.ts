import { deciderHandler, loadState, RoutedCommand } from '@samen/command-handling';
import { NotFoundError } from '@samen/ledger-kernel';
import { partyDecider, partyStream, type PartyKind, type RegisterParty } from '../domain/party';
import { personDecider, personStream, type RegisterPerson } from '../domain/person';
import { programmeDecider, programmeStream, type JoinSite, type LaunchProgramme } from '../domain/programme';

export class LaunchProgrammeCommand extends RoutedCommand<LaunchProgramme> {}
export class JoinSiteCommand extends RoutedCommand<Omit<JoinSite, 'context'>> {}
export class RegisterPartyCommand extends RoutedCommand<RegisterParty> {}
export class RegisterPersonCommand extends RoutedCommand<RegisterPerson> {}

const onProgrammeStream = (command: { data: { programmeId: string } }) => programmeStream(command.data.programmeId);

export const LaunchProgrammeHandler = deciderHandler(LaunchProgrammeCommand, programmeDecider, onProgrammeStream);
export const RegisterPartyHandler = deciderHandler(RegisterPartyCommand, partyDecider, (c) =>
  partyStream(c.data.partyId),
);
export const RegisterPersonHandler = deciderHandler(RegisterPersonCommand, personDecider, (c) =>
  personStream(c.data.personId),
);

/** Joining a site needs the kinds of the parties it names. */
export const JoinSiteHandler = deciderHandler(
  JoinSiteCommand,
  programmeDecider,
  onProgrammeStream,
  async (command, store): Promise<JoinSite> => {
    const partyKinds: Record<string, PartyKind> = {};
    for (const partyId of [command.data.gemeentePartyId, ...command.data.initiativePartyIds]) {
      const party = await loadState(store, partyStream(partyId), partyDecider);
      if (party.status === 'none') throw new NotFoundError('party', partyId);
      partyKinds[partyId] = party.kind;
    }
    return { ...command, context: { partyKinds } };
  },
);

export const STRUCTURE_HANDLERS = [
  LaunchProgrammeHandler,
  JoinSiteHandler,
  RegisterPartyHandler,
  RegisterPersonHandler,
];
