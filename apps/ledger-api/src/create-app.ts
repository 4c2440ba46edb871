import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { loadLedgerConfig } from '@samen/config';
import { useWebForms } from '@samen/web';
import { AppModule } from './app.module';
import { useJsonBodyParser } from './http/json-body';
import { createLedgerLogger, PinoNestLogger } from './http/pino-logger';
import { answerClientError, answerFrameworkError, ProblemFilter } from './http/problem.filter';
import { LedgerValidationPipe } from './http/validation';
import { setUpOpenApi } from './openapi';

/** No command body needs more; larger ones are a 413 before they are parsed. */
const BODY_LIMIT_BYTES = 256 * 1024;

/** The HTTP application as main.ts and the end-to-end tests both start it. */
export async function createApp(options: { quiet?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = loadLedgerConfig(process.env);
  // Operator commands that drive the app in-process print their own one-line report.
  const logger = createLedgerLogger(options.quiet ? { ...config, log: { level: 'warn' } } : config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      loggerInstance: logger,
      bodyLimit: BODY_LIMIT_BYTES,
      // Longer path parameters reach the id checks and get a 400 naming the parameter.
      routerOptions: { maxParamLength: 1000 },
      frameworkErrors: answerFrameworkError,
      clientErrorHandler: answerClientError,
    }),
    {
      // Until the app exists, nothing is printed: a failed start is reported by main.ts in
      // one line, and abortOnError: false makes it throw rather than call process.abort().
      logger: false,
      abortOnError: false,
      // Bodies are read by our own JSON parser (json-body.ts) and by nothing else.
      bodyParser: false,
    },
  );
  app.useLogger(new PinoNestLogger(logger));
  app.enableShutdownHooks();
  // Commands are JSON; any other body is a 415 rather than a string the DTOs cannot read.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  useJsonBodyParser(fastify);
  await useWebForms(app);
  // helmet itself, built once: @fastify/helmet rebuilds its configuration on every request
  // (measured: 4 % of the API's time under view queries).
  const securityHeaders = helmet({
    // The API documentation page is the only HTML; it loads its own scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        // Served over plain HTTP on loopback too; upgrading would break the docs page there.
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  app.useGlobalPipes(new LedgerValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setUpOpenApi(app);
  return app;
}
