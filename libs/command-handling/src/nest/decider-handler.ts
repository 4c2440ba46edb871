import { Inject, type Type } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import type { Decider, DomainEvent, Visibility } from '@samen/ledger-kernel';
import { handleCommand, requireVisibleParties, type CommandResult } from '../handle-command';
import type { RoutedCommand } from './routed-command';

/**
 * The handler of a command: read its stream, decide, append. `prepare` runs first for
 * commands that must look at other streams: it refuses what names things that do not
 * exist and returns the command with the `context` its decider needs. Before it, for every
 * command: a visibility restricted to parties names only registered parties (a 400).
 */
export function deciderHandler<Routed extends { readonly type: string }, Command, Event extends DomainEvent, State>(
  commandClass: Type<RoutedCommand<Routed>>,
  decider: Decider<Command, Event, State>,
  streamOf: (command: Routed) => string,
  prepare: (command: Routed, store: EventStore) => Promise<Command> = async (command) => command as unknown as Command,
): Type<ICommandHandler<RoutedCommand<Routed>, CommandResult>> {
  @CommandHandler(commandClass)
  class Handler implements ICommandHandler<RoutedCommand<Routed>, CommandResult> {
    constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

    async execute({ command, envelope }: RoutedCommand<Routed>): Promise<CommandResult> {
      await requireVisibleParties(this.store, (command as { data?: { visibility?: Visibility } }).data?.visibility);
      const prepared = await prepare(command, this.store);
      return handleCommand(
        this.store,
        streamOf(command),
        decider,
        (state) => decider.decide(prepared, state),
        envelope,
      );
    }
  }
  Object.defineProperty(Handler, 'name', { value: `${commandClass.name}Handler` });
  return Handler;
}
