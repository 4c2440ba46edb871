import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { gzipSync } from 'node:zlib';
import {
  allows,
  internalRequestHeaders,
  SESSION_STORE,
  TOKEN_STORE,
  type AccessRule,
  type AccessSessions,
  type AccessTokens,
} from '@samen/access';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { acceptsGzip, readableProgrammes, ViewRunner } from '@samen/views';
import { peopleOfParties } from './forms/fact-forms';
import { one, type Form } from './forms/form-values';
import { layout, type Page } from './layout';
import { PageContext } from './page-context';
import { readPageState } from './page-state';
import { messagePage } from './pages/message.page';
import type { PageInput } from './pages/page-input';
import { PersonLabels } from './person-labels';
import { sessionOf, type SignedIn, type WebSession } from './session/web-session';
import { CsrfRefused, type QueryParams } from './web-request';

/**
 * What every page's route does the same way: the browser session, the page's context (who,
 * which programme, the URL's state), the rule book's check, and the HTML answer.
 */
@Injectable()
export class WebPages {
  constructor(
    readonly runner: ViewRunner,
    private readonly adapter: HttpAdapterHost,
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(SESSION_STORE) readonly sessions: AccessSessions,
    @Inject(TOKEN_STORE) readonly tokens: AccessTokens,
  ) {}

  /** Every page: a signed-in reader the rule book lets through, a valid URL, then the page. */
  async page(
    request: FastifyRequest,
    reply: FastifyReply,
    query: QueryParams,
    rule: AccessRule,
    draw: (input: PageInput) => Promise<Page | undefined>,
  ) {
    const session = this.session(request, reply);
    const context = this.context(request, session, query);
    if (!session.principal) return this.toSignIn(request, reply, session);
    const programmeId = context.state.programmeId;
    if (
      !allows(session.principal, rule) ||
      (programmeId && !context.programmes.some((p) => p.programmeId === programmeId)) ||
      // A member whose party takes part in no programme yet reads none (the API answers it the same way).
      (session.principal.kind === 'party-member' && context.programmes.length === 0)
    ) {
      return this.send(
        reply,
        context,
        messagePage(
          context,
          context.t('Geen toegang', 'No access'),
          context.t('U mag deze pagina niet zien met uw rol.', 'Your role does not allow you to see this page.'),
        ),
        403,
      );
    }
    const { problems } = readPageState(query);
    if (problems.length > 0) {
      // Dates are told beside the date control; anything else the URL got wrong above it.
      const others = problems.filter((p) => p.field !== 'asOf' && p.field !== 'since');
      const page = messagePage(
        context,
        context.t('Ongeldige vraag', 'Invalid question'),
        others.length > 0
          ? others.map((p) => context.t(p.nl, p.en)).join(' ')
          : context.t('Kies bij de datum een bestaande dag.', 'Choose a day that exists for the date.'),
      );
      return this.send(reply, context, { ...page, timeTravel: {}, problems }, 400);
    }
    const views = this.runner.peek((v) => v);
    const now = Date.now();
    // Answers judged on today (overdue, waiting) are asked again when the day changes.
    const today = new Date(now).toISOString().slice(0, 10);
    const remember = <T>(key: string, compute: () => T) =>
      this.runner.remembered(`web:${today}:${key}`, () => compute());
    const page = await draw({ context, views, store: this.store, now, remember });
    if (!page) return reply;
    return this.send(reply, context, page, page.status ?? (reply.statusCode >= 400 ? reply.statusCode : 200));
  }

  /** The programmes that publish figures for anyone (Woo). */
  publishing(): { programmeId: string; name: string }[] {
    return this.runner.peek((views) =>
      [...views.directory.programmes.values()]
        .filter((p) => p.publishes?.includes('attendance-rates'))
        .map((p) => ({ programmeId: p.programmeId, name: p.name })),
    );
  }

  /** The form's own URL, keeping the language. */
  formAction(context: PageContext, name: string): string {
    return context.href(`/app/vastleggen/${name}`, { asOf: undefined, since: undefined, knownThen: undefined });
  }

  /** A form's page input with the people it offers, labelled as this reader may see them. */
  async withPeople(input: PageInput): Promise<PageInput> {
    const { principal } = input.context;
    const parties = new Set(
      [...input.views.directory.parties.keys()].filter(
        (id) => principal?.kind !== 'party-member' || id === principal.partyId,
      ),
    );
    const people = new Map<string, string | undefined>(peopleOfParties(input.views, parties));
    return { ...input, people: await PersonLabels.load(input.context, input.views, this.store, people) };
  }

  toSignIn(request: FastifyRequest, reply: FastifyReply, session: WebSession) {
    const back = encodeURIComponent(request.url);
    return reply.redirect(`/app/inloggen?terug=${back}${session.expired ? '&verlopen=1' : ''}`, 303);
  }

  /** A page as HTML, gzipped for browsers (all of them take it) once it is a kilobyte or more. */
  send(reply: FastifyReply, context: PageContext, page: Page, status: number) {
    const body = Buffer.from(layout(context, page).text);
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('vary', 'accept-encoding')
      // How long the page took to draw, for the benchmark and for a browser's developer tools.
      .header('server-timing', `page;dur=${reply.elapsedTime.toFixed(1)}`);
    if (body.length < 1024 || !acceptsGzip(reply.request.headers['accept-encoding'])) return reply.send(body);
    return reply.header('content-encoding', 'gzip').send(gzipSync(body));
  }

  session(request: FastifyRequest, reply: FastifyReply): WebSession {
    const known = (request as FastifyRequest & { webSession?: WebSession }).webSession;
    if (known) return known;
    const session = sessionOf(request, reply, this.sessions, this.tokens);
    (request as FastifyRequest & { webSession?: WebSession }).webSession = session;
    return session;
  }

  context(request: FastifyRequest, session: WebSession, query: QueryParams): PageContext {
    const { principal } = session;
    const readable = readableProgrammes(this.runner, principal);
    const asked = readPageState(query).state;
    // A member of a party lands in a programme its party takes part in; the URL then says which.
    const state =
      principal?.kind === 'party-member' && !asked.programmeId && readable[0]
        ? { ...asked, programmeId: readable[0] }
        : asked;
    const partyName =
      principal?.kind === 'party-member'
        ? this.runner.peek((views) => views.directory.parties.get(principal.partyId)?.name)
        : undefined;
    const programmes = this.runner.peek((views) =>
      readable.map((programmeId) => ({
        programmeId,
        name: views.directory.programmes.get(programmeId)?.name ?? programmeId,
      })),
    );
    return new PageContext(principal, state, request.url.split('?')[0], session.csrf, partyName, programmes);
  }

  requireCsrf(session: WebSession, form: Form): void {
    const ok = this.sessions.csrfMatches(session.csrfId, one(form, 'csrf'));
    if (!ok) throw new CsrfRefused();
  }

  /**
   * Asks the API's own route in this process, on the reader's behalf (none: as anyone), so
   * that its validation, access rules, idempotency and answers are the pages' too: the one
   * way the pages record a fact or take an answer they do not draw from the views.
   */
  askApi(
    principal: SignedIn | undefined,
    request: { method?: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: object },
  ) {
    const { method = 'GET', url, headers = {}, body } = request;
    return this.adapter.httpAdapter.getInstance<FastifyInstance>().inject({
      method,
      url,
      headers: {
        ...headers,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(principal && internalRequestHeaders(principal)),
      },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  }

  async caughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    if (head !== undefined) await this.runner.caughtUpTo(head, 5_000);
  }

  /**
   * Whether a thing of this programme (a commitment, a meeting, a role) is for this reader:
   * the programme scope of the rule book, for pages that open one thing by its id.
   */
  inScope(context: PageContext, programmeId: string | undefined): boolean {
    if (context.principal?.kind !== 'party-member') return true;
    return programmeId !== undefined && context.programmes.some((p) => p.programmeId === programmeId);
  }
}
