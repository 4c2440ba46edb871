import type { CommandEnvelope } from '../handle-command';

/**
 * @nestjs/cqrs routes by class: each command gets a class that only carries the plain
 * domain command and its envelope to its handler.
 */
export abstract class RoutedCommand<Command extends { readonly type: string }> {
  readonly envelope: CommandEnvelope;

  constructor(
    readonly command: Command,
    envelope: CommandEnvelope,
  ) {
    // An Idempotency-Key answers for one kind of command: the same key on another command
    // (a fulfilment after a breach on the same commitment, say) is a new request.
    this.envelope = envelope.commandId.startsWith(IDEMPOTENCY_PREFIX)
      ? {
          ...envelope,
          commandId: `${IDEMPOTENCY_PREFIX}${command.type}:${envelope.commandId.slice(IDEMPOTENCY_PREFIX.length)}`,
        }
      : envelope;
  }
}

export const IDEMPOTENCY_PREFIX = 'idempotency:';
