import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  Access,
  allows,
  internalRequestHeaders,
  SESSION_STORE,
  TOKEN_STORE,
  type AccessRule,
  type AccessSessions,
  type AccessTokens,
} from '@samen/access';
import { ATTENDANCE_STATUSES } from '@samen/attendance';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import {
  acceptsGzip,
  COMMITMENT_STATUS_FILTERS,
  FACT_CATEGORIES,
  ViewRunner,
  type CommitmentStatusFilter,
  type FactCategory,
} from '@samen/views';
import { bodyOf, factFormPage, problemOf } from './forms/fact-form';
import { FACT_FORMS, peopleOfParties } from './forms/fact-forms';
import { one, type Form } from './forms/form-values';
import { attendanceFormPage, attendanceLines, STATUS_TEXT, type LineError } from './forms/attendance.form';
import { layout, type Page } from './layout';
import { PageContext } from './page-context';
import { apiQuery, readPageState } from './page-state';
import { accessPage, ACCESS_KINDS } from './pages/access.page';
import { commitmentPage, commitmentsPage } from './pages/commitments.page';
import { continuityPage } from './pages/continuity.page';
import { handoversPage } from './pages/handovers.page';
import { messagePage } from './pages/message.page';
import { moneyPage } from './pages/money.page';
import { overviewPage } from './pages/overview.page';
import type { PageInput } from './pages/page-input';
import { presencePage } from './pages/presence.page';
import { signInPage } from './pages/sign-in.page';
import { timelinePageOf } from './pages/timeline.page';
import { PersonLabels } from './person-labels';
import { clearSessionCookie, sessionOf, setSessionCookie, type WebSession } from './session/web-session';
import { WebErrorFilter } from './web-error.filter';

type QueryParams = Readonly<Record<string, unknown>>;

const VIEWS: AccessRule = { kind: 'views' };
const PROGRAMME_TEAM: AccessRule = { kind: 'write', scope: 'programme-team' };

/** Each page's CSV: the API's own export of the same question, asked on the reader's behalf. */
const DOWNLOADS: Readonly<Record<string, string>> = {
  aanwezigheid: '/views/presence',
  continuiteit: '/views/continuity',
  afspraken: '/views/commitments',
  geld: '/views/money',
  overdrachten: '/views/handovers',
  tijdlijn: '/views/timeline',
};

/**
 * The web pages: server-rendered HTML over the same views, query functions and rule book as
 * the API. Routes are public to the API's guard (a browser sends no bearer token); each page
 * checks the browser session and asks `allows` with its principal, as the guard would.
 */
@ApiExcludeController()
@Access.public()
@UseFilters(WebErrorFilter)
@Controller()
export class WebController {
  constructor(
    private readonly runner: ViewRunner,
    private readonly adapter: HttpAdapterHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SESSION_STORE) private readonly sessions: AccessSessions,
    @Inject(TOKEN_STORE) private readonly tokens: AccessTokens,
  ) {}

  @Get()
  home(@Res() reply: FastifyReply) {
    return reply.redirect('/app', 303);
  }

  @Get('app/inloggen')
  signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    const session = this.session(request, reply);
    const context = this.context(request, session, query);
    if (session.principal) return reply.redirect(context.href('/app'), 303);
    const problem =
      query.verlopen === '1' ? 'expired' : query.uit === '1' ? 'signed-out' : query.terug ? 'session-ended' : undefined;
    return this.send(reply, context, signInPage(context, { returnTo: safeReturn(query.terug), problem }), 200);
  }

  @Post('app/inloggen')
  async signInPost(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = formOf(request);
    const session = this.session(request, reply);
    const context = this.context(request, session, form);
    this.requireCsrf(session, form);
    const code = one(form, 'code').trim();
    const check = this.tokens.check(code);
    if (!check.ok) {
      return this.send(
        reply,
        context,
        signInPage(context, { returnTo: safeReturn(one(form, 'terug')), problem: 'wrong' }),
        401,
      );
    }
    const { sessionId, expiresAt } = await this.sessions.start(check.record);
    this.tokens.touch(check.record.tokenId);
    setSessionCookie(request, reply, sessionId, expiresAt);
    return reply.redirect(safeReturn(one(form, 'terug')) ?? context.href('/app'), 303);
  }

  @Post('app/uitloggen')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = formOf(request);
    const session = this.session(request, reply);
    this.requireCsrf(session, form);
    if (session.sessionId) await this.sessions.end(session.sessionId);
    clearSessionCookie(reply);
    return reply.redirect('/app/inloggen?uit=1', 303);
  }

  @Get('app')
  overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.page(request, reply, query, VIEWS, (input) => overviewPage(input));
  }

  @Get('app/aanwezigheid')
  presence(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.page(request, reply, query, VIEWS, (input) => presencePage(input));
  }

  @Get('app/continuiteit')
  continuity(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.page(request, reply, query, VIEWS, (input) => continuityPage(input));
  }

  @Get('app/afspraken')
  commitments(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    const status = oneOf(COMMITMENT_STATUS_FILTERS, query.status);
    return this.page(request, reply, query, VIEWS, (input) =>
      commitmentsPage(input, status as CommitmentStatusFilter | undefined),
    );
  }

  @Get('app/afspraken/:id')
  commitment(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: QueryParams,
    @Param('id') id: string,
  ) {
    return this.page(
      request,
      reply,
      query,
      VIEWS,
      async (input) => (await commitmentPage(input, id)) ?? notFound(input),
    );
  }

  @Get('app/geld')
  money(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.page(request, reply, query, VIEWS, (input) => moneyPage(input));
  }

  @Get('app/overdrachten')
  handovers(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.page(request, reply, query, VIEWS, (input) => handoversPage(input));
  }

  @Get('app/tijdlijn')
  timeline(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    const category = oneOf(FACT_CATEGORIES, query.category) as FactCategory | undefined;
    const cursor =
      typeof query.cursor === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(query.cursor) ? query.cursor : undefined;
    return this.page(request, reply, query, VIEWS, (input) => timelinePageOf(input, category, cursor));
  }

  @Get('app/download/:page')
  async download(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: QueryParams,
    @Param('page') page: string,
  ) {
    const session = this.session(request, reply);
    const context = this.context(request, session, query);
    if (!session.principal) return this.toSignIn(request, reply, session);
    const route = DOWNLOADS[page];
    if (!route) return this.send(reply, context, notFound({ context } as PageInput), 404);
    const { state, problems } = readPageState(query);
    if (problems.length > 0)
      return this.send(
        reply,
        context,
        messagePage(
          context,
          context.t('Ongeldige vraag', 'Invalid question'),
          problems.map((p) => context.t(p.nl, p.en)).join(' '),
        ),
        400,
      );
    const extra = {
      status: oneOf(COMMITMENT_STATUS_FILTERS, query.status),
      category: oneOf(FACT_CATEGORIES, query.category),
    };
    const programmeId = state.programmeId ?? [...this.runner.peek((v) => v.directory.programmes.keys())][0];
    const answer = await this.fastify().inject({
      method: 'GET',
      url: `${route}${apiQuery({ ...state, programmeId }, extra)}`,
      headers: { accept: 'text/csv', ...internalRequestHeaders(session.principal) },
    });
    return reply
      .code(answer.statusCode)
      .header('content-type', answer.headers['content-type'] ?? 'text/csv; charset=utf-8')
      .header('content-disposition', answer.headers['content-disposition'] ?? `attachment; filename="${page}.csv"`)
      .header('cache-control', 'no-store')
      .send(answer.rawPayload);
  }

  @Get('app/bijeenkomsten/:meetingId/aanwezigheid')
  attendanceForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: QueryParams,
    @Param('meetingId') meetingId: string,
  ) {
    return this.page(request, reply, query, VIEWS, async (input) => {
      const lines = attendanceLines(input.context, input.views, meetingId);
      if (!lines) return notFound(input);
      return attendanceFormPage(input, meetingId, lines, { idempotencyKey: randomUUID() });
    });
  }

  /**
   * Each chosen line becomes one command to the API's own route, on the reader's behalf, so
   * validation, the own-party rule and idempotency are the API's. Every value is checked
   * first: a bad one records nothing. A repeated submit carries the same key: recorded once.
   */
  @Post('app/bijeenkomsten/:meetingId/aanwezigheid')
  async attendancePost(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('meetingId') meetingId: string,
  ) {
    const form = formOf(request);
    return this.page(request, reply, form, VIEWS, async (input) => {
      const { context } = input;
      this.requireCsrf(this.session(request, reply), form);
      const lines = attendanceLines(context, input.views, meetingId);
      if (!lines) return notFound(input);
      const idempotencyKey = /^[0-9a-f-]{36}$/.test(one(form, 'idempotencyKey'))
        ? one(form, 'idempotencyKey')
        : randomUUID();
      const chosen = new Map<string, string>();
      const errors: LineError[] = [];
      const known = new Map(lines.map((l) => [`${l.partyId}|${l.personId}`, l.recorded]));
      for (const [field, values] of Object.entries(form)) {
        const value = one({ [field]: values }, field);
        if (!field.startsWith('status:') || value === '') continue;
        const key = field.slice('status:'.length);
        const recorded = known.get(key);
        if (!(ATTENDANCE_STATUSES as readonly string[]).includes(value)) {
          errors.push({
            key,
            message: context.t('Kies aanwezig, afwezig of afgemeld.', 'Choose present, absent or excused.'),
          });
        } else if (!known.has(key)) {
          errors.push({
            key,
            message: context.t('Deze persoon wordt hier niet verwacht.', 'This person is not expected here.'),
          });
        } else if (recorded && recorded !== value) {
          // Someone recorded it meanwhile: say so rather than overwrite (a correction needs a reason).
          const [nl, en] = STATUS_TEXT[recorded];
          errors.push({
            key,
            message: context.t(
              `Inmiddels vastgelegd als ${nl}; niets overschreven.`,
              `Meanwhile recorded as ${en}; nothing overwritten.`,
            ),
          });
        } else if (!recorded) {
          chosen.set(key, value);
        }
      }
      if (errors.length > 0) {
        reply.code(400);
        return attendanceFormPage(input, meetingId, lines, { idempotencyKey, chosen, errors });
      }
      let saved = 0;
      for (const [key, status] of chosen) {
        const [partyId, personId] = key.split('|');
        const answer = await this.fastify().inject({
          method: 'POST',
          url: `/meetings/${encodeURIComponent(meetingId)}/attendance`,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `${idempotencyKey}:${key}`,
            ...internalRequestHeaders(context.principal!),
          },
          payload: JSON.stringify({ personId, partyId, status }),
        });
        if (answer.statusCode === 201) saved += 1;
        else errors.push({ key, message: problemText(answer.json() as { detail?: string; title?: string }) });
      }
      await this.caughtUp();
      const fresh =
        attendanceLines(
          context,
          this.runner.peek((v) => v),
          meetingId,
        ) ?? [];
      if (errors.length > 0) reply.code(409);
      return attendanceFormPage({ ...input, views: this.runner.peek((v) => v) }, meetingId, fresh, {
        idempotencyKey: randomUUID(),
        errors,
        saved,
      });
    });
  }

  @Get('app/vastleggen/:form')
  factForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: QueryParams,
    @Param('form') name: string,
  ) {
    return this.page(request, reply, query, VIEWS, async (input) => {
      const form = FACT_FORMS[name];
      const subject = typeof query.subject === 'string' ? query.subject : undefined;
      if (!form || (form.needsSubject && !subject)) return notFound(input);
      const withPeople = await this.withPeople({ ...input, subject });
      return factFormPage(withPeople, form, {
        action: this.formAction(input.context, name),
        subject,
        idempotencyKey: randomUUID(),
      });
    });
  }

  /**
   * A fact from a form: checked here (Dutch messages beside the fields), then posted to the
   * API's own route on the reader's behalf with the form's idempotency key, so a double
   * submit records it once; the API's refusals (a broken rule, a concurrent change) are
   * shown above the form, and nothing is written.
   */
  @Post('app/vastleggen/:form')
  async factFormPost(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('form') name: string) {
    const posted = formOf(request);
    return this.page(request, reply, posted, VIEWS, async (input) => {
      this.requireCsrf(this.session(request, reply), posted);
      const form = FACT_FORMS[name];
      const subject = one(posted, 'subject') || undefined;
      if (!form || (form.needsSubject && !subject)) return notFound(input);
      const withPeople = await this.withPeople({ ...input, subject });
      const idempotencyKey = /^[0-9a-f-]{36}$/.test(one(posted, 'idempotencyKey'))
        ? one(posted, 'idempotencyKey')
        : randomUUID();
      const state = { action: this.formAction(input.context, name), subject, idempotencyKey, posted };
      const { body, errors } = bodyOf(withPeople, form, posted);
      if (!body) return factFormPage(withPeople, form, { ...state, errors });
      const answer = await this.fastify().inject({
        method: 'POST',
        url: form.route(subject),
        headers: {
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
          ...internalRequestHeaders(input.context.principal!),
        },
        payload: JSON.stringify({ ...body, ...form.fixed?.(withPeople, subject) }),
      });
      if (answer.statusCode !== 201) {
        const refused = problemOf(
          input.context,
          form,
          answer.json() as { detail?: string; errors?: { field: string; message: string }[] },
        );
        return {
          ...factFormPage(withPeople, form, { ...state, ...refused }),
          status: answer.statusCode === 409 ? 409 : answer.statusCode === 403 ? 403 : 400,
        };
      }
      await this.runner.caughtUpTo(BigInt((answer.json() as { position: string }).position), 5_000);
      reply.redirect(form.after(input.context, subject), 303);
      return undefined;
    });
  }

  @Get('app/toegang')
  access(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.page(request, reply, query, PROGRAMME_TEAM, async (input) =>
      accessPage(input, this.tokens.list().reverse(), {}),
    );
  }

  @Post('app/toegang')
  issueAccess(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = formOf(request);
    return this.page(request, reply, form, PROGRAMME_TEAM, async (input) => {
      const { context, views } = input;
      this.requireCsrf(this.session(request, reply), form);
      const t = context.t.bind(context);
      const errors: Record<string, string> = {};
      const label = one(form, 'label').trim();
      if (label.length === 0 || label.length > 200)
        errors.label = t(
          'Vul in voor wie de toegang is (hoogstens 200 tekens).',
          'Say whom the access is for (at most 200 characters).',
        );
      const kind = oneOf(ACCESS_KINDS, one(form, 'kind'));
      if (!kind) errors.kind = t('Kies een rol.', 'Choose a role.');
      const partyId = one(form, 'partyId');
      if (kind === 'party-member' && !views.directory.parties.has(partyId))
        errors.partyId = t(
          'Kies de partij waarvan deze persoon lid is.',
          'Choose the party this person is a member of.',
        );
      const days = Number(one(form, 'days'));
      if (!/^\d{1,3}$/.test(one(form, 'days')) || days < 1 || days > 366)
        errors.days = t('Geef een aantal dagen van 1 tot 366.', 'Give a number of days from 1 to 366.');
      if (Object.keys(errors).length > 0) {
        reply.code(400);
        return accessPage(input, this.tokens.list().reverse(), {
          values: Object.fromEntries(Object.keys(form).map((k) => [k, one(form, k)])),
          errors,
        });
      }
      const id = `web-${randomUUID().slice(0, 8)}`;
      const principal = kind === 'party-member' ? { kind, id, partyId } : { kind: kind!, id };
      const { token } = await this.tokens.issue(principal as Parameters<AccessTokens['issue']>[0], label, days);
      return accessPage(input, this.tokens.list().reverse(), { issued: { code: token, label } });
    });
  }

  @Post('app/toegang/:tokenId/intrekken')
  revokeAccess(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('tokenId') tokenId: string) {
    const form = formOf(request);
    return this.page(request, reply, form, PROGRAMME_TEAM, async (input) => {
      this.requireCsrf(this.session(request, reply), form);
      if (!(await this.tokens.revoke(tokenId))) return notFound(input);
      return accessPage(input, this.tokens.list().reverse(), {});
    });
  }

  /** Every page: a signed-in reader the rule book lets through, a valid URL, then the page. */
  private async page(
    request: FastifyRequest,
    reply: FastifyReply,
    query: QueryParams,
    rule: AccessRule,
    draw: (input: PageInput) => Promise<Page | undefined>,
  ) {
    const session = this.session(request, reply);
    const context = this.context(request, session, query);
    if (!session.principal) return this.toSignIn(request, reply, session);
    if (!allows(session.principal, rule)) {
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
      return this.send(
        reply,
        context,
        messagePage(
          context,
          context.t('Ongeldige vraag', 'Invalid question'),
          problems.map((p) => context.t(p.nl, p.en)).join(' '),
        ),
        400,
      );
    }
    const views = this.runner.peek((v) => v);
    const page = await draw({ context, views, store: this.store, now: Date.now() });
    if (!page) return reply;
    return this.send(reply, context, page, page.status ?? (reply.statusCode >= 400 ? reply.statusCode : 200));
  }

  /** The form's own URL, keeping the language. */
  private formAction(context: PageContext, name: string): string {
    return context.href(`/app/vastleggen/${name}`, { asOf: undefined, since: undefined, knownThen: undefined });
  }

  /** A form's page input with the people it offers, labelled as this reader may see them. */
  private async withPeople(input: PageInput): Promise<PageInput> {
    const { principal } = input.context;
    const parties = new Set(
      [...input.views.directory.parties.keys()].filter(
        (id) => principal?.kind !== 'party-member' || id === principal.partyId,
      ),
    );
    const people = new Map<string, string | undefined>(peopleOfParties(input.views, parties));
    return { ...input, people: await PersonLabels.load(input.context, input.views, this.store, people) };
  }

  private toSignIn(request: FastifyRequest, reply: FastifyReply, session: WebSession) {
    const back = encodeURIComponent(request.url);
    return reply.redirect(`/app/inloggen?terug=${back}${session.expired ? '&verlopen=1' : ''}`, 303);
  }

  /** A page as HTML, gzipped for browsers (all of them take it) once it is a kilobyte or more. */
  private send(reply: FastifyReply, context: PageContext, page: Page, status: number) {
    const body = Buffer.from(layout(context, page).text);
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('vary', 'accept-encoding');
    if (body.length < 1024 || !acceptsGzip(reply.request.headers['accept-encoding'])) return reply.send(body);
    return reply.header('content-encoding', 'gzip').send(gzipSync(body));
  }

  private session(request: FastifyRequest, reply: FastifyReply): WebSession {
    const known = (request as FastifyRequest & { webSession?: WebSession }).webSession;
    if (known) return known;
    const session = sessionOf(request, reply, this.sessions, this.tokens);
    (request as FastifyRequest & { webSession?: WebSession }).webSession = session;
    return session;
  }

  private context(request: FastifyRequest, session: WebSession, query: QueryParams): PageContext {
    const { state } = readPageState(query);
    const { principal } = session;
    const partyName =
      principal?.kind === 'party-member'
        ? this.runner.peek((views) => views.directory.parties.get(principal.partyId)?.name)
        : undefined;
    return new PageContext(principal, state, request.url.split('?')[0], session.csrf, partyName);
  }

  private requireCsrf(session: WebSession, form: Form): void {
    const ok = this.sessions.csrfMatches(session.csrfId, one(form, 'csrf'));
    if (!ok) throw new CsrfRefused();
  }

  private fastify(): FastifyInstance {
    return this.adapter.httpAdapter.getInstance<FastifyInstance>();
  }

  private async caughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    if (head !== undefined) await this.runner.caughtUpTo(head, 5_000);
  }
}

/** A form post without this session's CSRF token: refused, nothing done. */
export class CsrfRefused extends Error {
  override readonly name = 'CsrfRefused';
  constructor() {
    super('Het formulier is verlopen of niet van deze site. / The form has expired or is not from this site.');
  }
}

function notFound(input: Pick<PageInput, 'context'>): Page {
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

function formOf(request: FastifyRequest): Form {
  const body = request.body;
  return typeof body === 'object' && body !== null ? (body as Form) : {};
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Only a path of this site: a return link must never send a reader elsewhere. */
function safeReturn(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/app') && !value.startsWith('//') ? value : undefined;
}

function problemText(problem: { detail?: string; title?: string }): string {
  return problem.detail ?? problem.title ?? 'Niet vastgelegd. / Not recorded.';
}
