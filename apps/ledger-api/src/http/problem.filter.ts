import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { EventStoreError } from '@samen/event-store';
import { LedgerError } from '@samen/ledger-kernel';
import { ViewsBehindError } from '@samen/views';
import { ForbiddenError, UnauthenticatedError } from '@samen/access';

/** An RFC 9457 problem, as every error leaves the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extension: string]: unknown;
}

/**
 * The one place where errors become HTTP answers. Bad input is a 400, an unknown thing a
 * 404, a concurrent change a 409 with the current revision, a broken rule a 422, a store
 * that cannot be reached a 503; anything else is a 500 that says nothing about the inside
 * (the log has it).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = this.toProblem(error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (problem.status === 503) reply.header('retry-after', '1');
    if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
    if (problem.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof LedgerError) {
      switch (error.kind) {
        case 'validation':
          return problem(400, 'Ongeldige invoer / invalid input', error.message, error.code, {
            errors: 'problems' in error ? error.problems : [],
          });
        case 'not-found':
          return problem(404, 'Niet gevonden / not found', error.message, error.code);
        case 'concurrency':
          return problem(409, 'Gelijktijdige wijziging / concurrent change', error.message, error.code, {
            currentRevision: 'currentRevision' in error ? (error.currentRevision ?? null) : null,
          });
        case 'illegal-state':
          return problem(422, 'Niet toegestaan / not allowed', error.message, error.code);
        default: {
          const unreachable: never = error.kind;
          return unreachable;
        }
      }
    }
    if (error instanceof EventStoreError && error.code === 'invalid-append') {
      return problem(400, 'Ongeldige invoer / invalid input', error.message, error.code);
    }
    if (error instanceof EventStoreError && error.code === 'store-unreachable') {
      // The detail names no server: the log has the whole message.
      return problem(
        503,
        'Opslag onbereikbaar / store unavailable',
        'De opslag is even niet bereikbaar; probeer het opnieuw, met dezelfde Idempotency-Key. / ' +
          'The store cannot be reached for now; try again, with the same Idempotency-Key.',
        error.code,
      );
    }
    if (error instanceof UnauthenticatedError) {
      return problem(401, 'Niet aangemeld / unauthenticated', error.message, error.code);
    }
    if (error instanceof ForbiddenError) {
      return problem(403, 'Geen toegang / forbidden', error.message, error.code);
    }
    if (error instanceof ViewsBehindError) {
      return problem(503, 'Overzicht loopt achter / view not caught up', error.message, error.code, {
        position: error.reached?.toString() ?? null,
      });
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status >= 500) return internalProblem();
      return problem(status, titleOf(status), error.message, `http-${status}`);
    }
    const status = httpStatusOf(error);
    if (status !== undefined && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong media type, a body over the limit.
      return problem(status, titleOf(status), (error as Error).message, `http-${status}`);
    }
    return internalProblem();
  }
}

function problem(status: number, title: string, detail: string, code: string, extra: object = {}): Problem {
  return { type: `https://samen-ledger.example/problems/${code}`, title, status, detail, code, ...extra };
}

const TITLES: Record<number, string> = {
  400: 'Ongeldig verzoek / bad request',
  404: 'Niet gevonden / not found',
  405: 'Methode niet toegestaan / method not allowed',
  413: 'Verzoek te groot / request too large',
  415: 'Verkeerd formaat: stuur JSON / unsupported media type: send JSON',
  429: 'Te veel verzoeken / too many requests',
};
const titleOf = (status: number) => TITLES[status] ?? 'Verzoek geweigerd / request refused';

function internalProblem(): Problem {
  return problem(
    500,
    'Interne fout / internal error',
    'Er ging iets mis; het is gelogd. / Something went wrong; it was logged.',
    'internal',
  );
}

function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/** Fastify's router refuses some URLs (bad percent-encoding) before Nest sees them. */
export function answerFrameworkError(
  error: Error & { statusCode?: number },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = httpStatusOf(error) ?? 400;
  reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(problem(status, titleOf(status), error.message, `http-${status}`));
}

/** Node's HTTP parser refuses malformed request lines before Fastify routes them. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify(
    problem(status, titleOf(status), 'The request could not be read as HTTP.', `http-${status}`),
  );
  socket.end(
    `HTTP/1.1 ${status} Bad Request\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
