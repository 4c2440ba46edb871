import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '@samen/access';
import { one } from '../forms/form-values';
import { readPageState } from '../page-state';
import { messagePage } from '../pages/message.page';
import { publishedPage, type PublishedRates } from '../pages/published.page';
import { signInPage } from '../pages/sign-in.page';
import { clearSessionCookie, setSessionCookie } from '../session/web-session';
import { WebErrorFilter } from '../web-error.filter';

import { WebPages } from '../web-pages';
import { formOf, notFound, safeReturn, type QueryParams } from '../web-request';
/** Signing in and out, and what a programme publishes for anyone. */
@ApiExcludeController()
@Access.public()
@UseFilters(WebErrorFilter)
@Controller()
export class SignInController {
  constructor(private readonly web: WebPages) {}

  @Get()
  home(@Res() reply: FastifyReply) {
    return reply.redirect('/app', 303);
  }

  @Get('app/inloggen')
  signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    const session = this.web.session(request, reply);
    const context = this.web.context(request, session, query);
    if (session.principal) return reply.redirect(context.href('/app'), 303);
    const problem =
      query.verlopen === '1' ? 'expired' : query.uit === '1' ? 'signed-out' : query.terug ? 'session-ended' : undefined;
    return this.web.send(
      reply,
      context,
      signInPage(context, { returnTo: safeReturn(query.terug), problem, published: this.web.publishing() }),
      200,
    );
  }

  @Post('app/inloggen')
  async signInPost(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = formOf(request);
    const session = this.web.session(request, reply);
    const context = this.web.context(request, session, form);
    this.web.requireCsrf(session, form);
    const code = one(form, 'code').trim();
    const check = this.web.tokens.check(code);
    if (!check.ok) {
      return this.web.send(
        reply,
        context,
        signInPage(context, { returnTo: safeReturn(one(form, 'terug')), problem: 'wrong' }),
        401,
      );
    }
    const { sessionId, expiresAt } = await this.web.sessions.start(check.record);
    this.web.tokens.touch(check.record.tokenId);
    setSessionCookie(request, reply, sessionId, expiresAt);
    return reply.redirect(safeReturn(one(form, 'terug')) ?? context.href('/app'), 303);
  }

  @Post('app/uitloggen')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = formOf(request);
    const session = this.web.session(request, reply);
    // A session that already ended has nothing left to sign out of: only a live one needs the form's token.
    if (session.sessionId) {
      this.web.requireCsrf(session, form);
      await this.web.sessions.end(session.sessionId);
    }
    clearSessionCookie(reply);
    return reply.redirect('/app/inloggen?uit=1', 303);
  }

  /** What a programme publishes, for anyone: the API's public answer, drawn as a page. */
  @Get('app/openbaar/:programmeId')
  async published(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: QueryParams,
    @Param('programmeId') programmeId: string,
  ) {
    const session = this.web.session(request, reply);
    const context = this.web.context(request, session, query);
    const { state, problems } = readPageState(query);
    if (problems.length > 0) {
      const text = problems.map((p) => context.t(p.nl, p.en)).join(' ');
      return this.web.send(
        reply,
        context,
        messagePage(context, context.t('Ongeldige vraag', 'Invalid question'), text),
        400,
      );
    }
    const answer = await this.web.askApi(undefined, {
      url: `/public/programmes/${encodeURIComponent(programmeId)}/attendance-rates${state.asOf ? `?asOf=${state.asOf}` : ''}`,
    });
    if (answer.statusCode !== 200) return this.web.send(reply, context, notFound({ context }), 404);
    const rates = (answer.json() as { rates: PublishedRates['rates'] }).rates;
    const programmeName =
      this.web.runner.peek((views) => views.directory.programmes.get(programmeId)?.name) ?? programmeId;
    return this.web.send(reply, context, publishedPage(context, { programmeName, rates }), 200);
  }
}
