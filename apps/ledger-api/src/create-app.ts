import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { setUpOpenApi } from './openapi';

/** The HTTP application as main.ts and the end-to-end tests both start it. */
export async function createApp(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    // Until pino takes over, nothing is printed: a failed start is reported by main.ts in
    // one line, and abortOnError: false makes it throw rather than call process.abort().
    logger: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  setUpOpenApi(app);
  return app;
}
