import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** Form posts are small: a checklist of a meeting's people at most. */
const FORM_LIMIT_BYTES = 64 * 1024;

/**
 * What the web pages need of the HTTP server: cookies (the session), and HTML form posts
 * read as plain fields. Only the pages' own routes read forms; the API stays JSON-only.
 */
export async function useWebForms(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie as never);
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES },
    (request, body, done) => {
      if (!request.url.startsWith('/app/')) {
        const error = Object.assign(new Error('Forms are for the web pages only; the API reads JSON.'), {
          statusCode: 415,
        });
        return done(error);
      }
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
}
