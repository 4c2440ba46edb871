import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import type { LedgerConfig } from '@samen/config';

/**
 * One pino logger for the whole service, JSON lines on standard output. Fastify logs each
 * request with it (no AsyncLocalStorage, whose hooks cost every promise on Node 20), and
 * Nest's own messages go through {@link PinoNestLogger}.
 */
export function createLedgerLogger(config: LedgerConfig): Logger {
  return pino(
    {
      level: config.log.level,
      // Credentials never reach the log; bodies are not logged at all.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    // Synchronous, so the last lines before a shutdown (or a crash) are not lost in a buffer.
    pino.destination({ dest: 1, sync: true }),
  );
}

/** Nest's LoggerService on top of the service's pino logger, with Nest's context as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }

  fatal(message: unknown, context?: string): void {
    this.logger.fatal({ context }, String(message));
  }
}
