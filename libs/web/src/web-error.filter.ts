import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '@samen/access';
import { NotFoundError, ValidationError } from '@samen/ledger-kernel';
import { ViewsBehindError } from '@samen/views';
import { layout } from './layout';
import { PageContext } from './page-context';
import { readPageState } from './page-state';
import { messagePage } from './pages/message.page';

/**
 * What a page answers when something fails: a page in the reader's words with a way back,
 * never a stack trace or a problem+json body. A stale form is a 403, unknown things a 404.
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const context = new PageContext(undefined, readPageState(query).state, request.url.split('?')[0], '');
    const t = context.t.bind(context);
    let status = 500;
    let page = messagePage(
      context,
      t('Er ging iets mis', 'Something went wrong'),
      t(
        'Probeer het later opnieuw. Er is niets half vastgelegd.',
        'Please try again later. Nothing was half recorded.',
      ),
    );
    if (error instanceof Error && error.name === 'CsrfRefused') {
      status = 403;
      page = messagePage(
        context,
        t('Formulier verlopen', 'Form expired'),
        t(
          'Dit formulier is verlopen of kwam niet van deze site; er is niets vastgelegd. Open de pagina opnieuw en probeer het nog eens.',
          'This form has expired or did not come from this site; nothing was recorded. Open the page again and retry.',
        ),
      );
    } else if (error instanceof UnauthenticatedError) {
      // A page asked with a bearer token that no longer holds (pages themselves use the session cookie).
      status = 401;
      page = messagePage(context, t('Geen geldige toegang', 'No valid access'), error.message);
    } else if (error instanceof ForbiddenError) {
      status = 403;
      page = messagePage(context, t('Geen toegang', 'No access'), error.message);
    } else if (error instanceof NotFoundError) {
      status = 404;
      page = messagePage(context, t('Niet gevonden', 'Not found'), error.message);
    } else if (error instanceof ValidationError) {
      status = 400;
      page = messagePage(context, t('Ongeldige invoer', 'Invalid input'), error.message);
    } else if (error instanceof ViewsBehindError) {
      status = 503;
      page = messagePage(
        context,
        t('Even geduld', 'One moment'),
        t(
          'De overzichten lopen nog bij; het feit is wel vastgelegd. Vernieuw de pagina over enkele seconden.',
          'The views are catching up; the fact was recorded. Refresh the page in a few seconds.',
        ),
      );
    } else {
      this.logger.error(`A page failed: ${(error as Error)?.stack ?? String(error)}`);
    }
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    void reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(layout(context, page).text);
  }
}
