import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deciderHandler, handleCommand, loadState, RoutedCommand, type CommandResult } from '@samen/command-handling';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { NotFoundError } from '@samen/ledger-kernel';
import { partyDecider, partyStream, type PartyKind, type RegisterParty } from '../domain/party';
import { personDecider, personStream, type RegisterPerson } from '../domain/person';
import { programmeDecider, programmeStream, type JoinSite, type LaunchProgramme } from '../domain/programme';

export class LaunchProgrammeCommand extends RoutedCommand<LaunchProgramme> {}
export class JoinSiteCommand extends RoutedCommand<Omit<JoinSite, 'context'>> {}
export class RegisterPartyCommand extends RoutedCommand<RegisterParty> {}
export class RegisterPersonCommand extends RoutedCommand<RegisterPerson> {}

export const LaunchProgrammeHandler = deciderHandler(LaunchProgrammeCommand, programmeDecider, (c) =>
  programmeStream(c.data.programmeId),
);
export const RegisterPartyHandler = deciderHandler(RegisterPartyCommand, partyDecider, (c) =>
  partyStream(c.data.partyId),
);
export const RegisterPersonHandler = deciderHandler(RegisterPersonCommand, personDecider, (c) =>
  personStream(c.data.personId),
);

/** Joining a site needs the kinds of the parties it names. */
@CommandHandler(JoinSiteCommand)
export class JoinSiteHandler implements ICommandHandler<JoinSiteCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, envelope }: JoinSiteCommand): Promise<CommandResult> {
    const named = [command.data.gemeentePartyId, ...command.data.initiativePartyIds];
    const partyKinds: Record<string, PartyKind> = {};
    for (const partyId of named) {
      const party = await loadState(this.store, partyStream(partyId), partyDecider);
      if (party.status === 'none') throw new NotFoundError('party', partyId);
      partyKinds[partyId] = party.kind;
    }
    return handleCommand(
      this.store,
      programmeStream(command.data.programmeId),
      programmeDecider,
      (state) => programmeDecider.decide({ ...command, context: { partyKinds } }, state),
      envelope,
    );
  }
}

export const STRUCTURE_HANDLERS = [
  LaunchProgrammeHandler,
  JoinSiteHandler,
  RegisterPartyHandler,
  RegisterPersonHandler,
];
