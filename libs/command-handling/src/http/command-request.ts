import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ValidationError } from '@samen/ledger-kernel';
import type { CommandEnvelope } from '../handle-command';
import { IDEMPOTENCY_PREFIX } from '../nest/routed-command';

/** What a command request says in its headers. */
export interface CommandRequest {
  readonly idempotencyKey?: string;
  /** The envelope for a fact that occurred at `occurredAt` (now when absent). */
  envelope(occurredAt: string | undefined): CommandEnvelope;
}

const KEY = /^[\x21-\x7e]{1,100}$/;
const REVISION = /^"?(\d{1,15})"?$/;

/** Reads Idempotency-Key, If-Match and X-Correlation-Id; malformed ones are a 400. */
export function parseCommandRequest(
  headers: Record<string, string | string[] | undefined>,
  actor?: string,
): CommandRequest {
  const problems: { field: string; message: string }[] = [];
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const idempotencyKey = header('idempotency-key');
  if (idempotencyKey !== undefined && !KEY.test(idempotencyKey)) {
    problems.push({ field: 'Idempotency-Key', message: 'must be 1 to 100 visible ASCII characters' });
  }
  const ifMatch = header('if-match');
  const revision = ifMatch === undefined ? undefined : REVISION.exec(ifMatch)?.[1];
  if (ifMatch !== undefined && revision === undefined) {
    problems.push({ field: 'If-Match', message: 'must be the stream revision you last read, e.g. "3"' });
  }
  const correlationId = header('x-correlation-id');
  if (correlationId !== undefined && !KEY.test(correlationId)) {
    problems.push({ field: 'X-Correlation-Id', message: 'must be 1 to 100 visible ASCII characters' });
  }
  if (problems.length > 0) throw new ValidationError(problems);

  const commandId = idempotencyKey !== undefined ? `${IDEMPOTENCY_PREFIX}${idempotencyKey}` : randomUUID();
  return {
    idempotencyKey,
    envelope: (occurredAt) => ({
      commandId,
      occurredAt: occurredAt ?? new Date().toISOString(),
      correlationId: correlationId ?? commandId,
      ...(actor !== undefined && { actor }),
      ...(revision !== undefined && { expectedRevision: Number(revision) }),
    }),
  };
}

/** Injects the {@link CommandRequest} of the current HTTP request. */
export const FromCommandRequest = createParamDecorator((_: unknown, context: ExecutionContext) => {
  // The access guard names who is asking; that principal is the fact's actor.
  const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; actor?: string }>();
  return parseCommandRequest(request.headers, request.actor);
});

/** Documents the headers every command endpoint understands. */
export const ApiCommandHeaders = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Herhaal veilig: hetzelfde antwoord, niets dubbel. / Retry safely: same answer, nothing written twice.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'De revisie die u las; anders 409. / The revision you read; otherwise 409.',
    }),
  );
