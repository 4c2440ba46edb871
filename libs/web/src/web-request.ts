import type { FastifyRequest } from 'fastify';
import type { AccessRule } from '@samen/access';
import type { Form } from './forms/form-values';
import type { Page } from './layout';
import { messagePage } from './pages/message.page';
import type { PageInput } from './pages/page-input';

/** A page's query as the URL sends it; read into a page's state by `readPageState`. */
export type QueryParams = Readonly<Record<string, unknown>>;

/** The rule book's rules the pages ask: reading the views, and the programme team's own pages. */
export const VIEWS: AccessRule = { kind: 'views' };
export const PROGRAMME_TEAM: AccessRule = { kind: 'write', scope: 'programme-team' };
/** Recording facts at all: the programme team and members of a party (which party, the API's route decides). */
export const RECORDING: AccessRule = { kind: 'write', scope: 'any-party' };

/** A form post without this session's CSRF token: refused, nothing done. */
export class CsrfRefused extends Error {
  override readonly name = 'CsrfRefused';
  constructor() {
    super('Het formulier is verlopen of niet van deze site. / The form has expired or is not from this site.');
  }
}

export function notFound(input: Pick<PageInput, 'context'>): Page {
  const { context } = input;
  return {
    ...messagePage(
      context,
      context.t('Niet gevonden', 'Not found'),
      context.t(
        'Dit bestaat niet in het grootboek, of niet op de gekozen datum.',
        'This does not exist in the ledger, or not on the chosen date.',
      ),
    ),
    status: 404,
  };
}

export function formOf(request: FastifyRequest): Form {
  const body = request.body;
  return typeof body === 'object' && body !== null ? (body as Form) : {};
}

export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Only a path of this site: a return link must never send a reader elsewhere. */
export function safeReturn(value: unknown): string | undefined {
  // A path of /app with its query, in printable ASCII only (a header cannot carry more).
  return typeof value === 'string' && /^\/app(\/[\x21-\x7e]*)?(\?[\x21-\x7e]*)?$/.test(value) ? value : undefined;
}

export function problemText(problem: { detail?: string; title?: string }): string {
  return problem.detail ?? problem.title ?? 'Niet vastgelegd. / Not recorded.';
}
