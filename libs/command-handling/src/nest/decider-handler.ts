import { Inject, type Type } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import type { Decider, DomainEvent } from '@samen/ledger-kernel';
import { handleCommand, type CommandResult } from '../handle-command';
import type { RoutedCommand } from './routed-command';

/**
 * The handler of a command that needs nothing but its own stream: read, decide, append.
 * Commands that must look at other streams first have handlers of their own.
 */
export function deciderHandler<Command extends { readonly type: string }, Event extends DomainEvent, State>(
  commandClass: Type<RoutedCommand<Command>>,
  decider: Decider<Command, Event, State>,
  streamOf: (command: Command) => string,
): Type<ICommandHandler<RoutedCommand<Command>, CommandResult>> {
  @CommandHandler(commandClass)
  class Handler implements ICommandHandler<RoutedCommand<Command>, CommandResult> {
    constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

    execute({ command, envelope }: RoutedCommand<Command>): Promise<CommandResult> {
      return handleCommand(this.store, streamOf(command), decider, (state) => decider.decide(command, state), envelope);
    }
  }
  Object.defineProperty(Handler, 'name', { value: `${commandClass.name}Handler` });
  return Handler;
}
