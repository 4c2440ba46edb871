import type { CommandEnvelope } from '../handle-command';

/**
 * @nestjs/cqrs routes by class: each command gets a class that only carries the plain
 * domain command and its envelope to its handler.
 */
export abstract class RoutedCommand<Command> {
  constructor(
    readonly command: Command,
    readonly envelope: CommandEnvelope,
  ) {}
}
