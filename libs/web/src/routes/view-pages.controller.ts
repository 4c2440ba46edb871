import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Access } from '@samen/access';
import {
  COMMITMENT_STATUS_FILTERS,
  FACT_CATEGORIES,
  type CommitmentStatusFilter,
  type FactCategory,
} from '@samen/views';
import { apiQuery, readPageState } from '../page-state';
import { commitmentPage, commitmentsPage } from '../pages/commitments.page';
import { continuityPage } from '../pages/continuity.page';
import { handoversPage } from '../pages/handovers.page';
import { messagePage } from '../pages/message.page';
import { moneyPage } from '../pages/money.page';
import { overviewPage } from '../pages/overview.page';
import { presencePage } from '../pages/presence.page';
import { reflectionsPage, type ReflectionCounts, type ReflectionRow } from '../pages/reflections.page';
import { timelinePageOf } from '../pages/timeline.page';
import { mayRecord } from '../components';
import { WebErrorFilter } from '../web-error.filter';

import { WebPages } from '../web-pages';
import { notFound, oneOf, VIEWS, type QueryParams } from '../web-request';
/** Each page's CSV: the API's own export of the same question, asked on the reader's behalf. */
const DOWNLOADS: Readonly<Record<string, string>> = {
  aanwezigheid: '/views/presence',
  continuiteit: '/views/continuity',
  afspraken: '/views/commitments',
  geld: '/views/money',
  overdrachten: '/views/handovers',
  tijdlijn: '/views/timeline',
  reflecties: '/views/reflections',
};
/**
 * The pages over the views: server-rendered HTML from the same query functions and rule book
 * as the API. Routes are public to the API's guard (a browser sends no bearer token); each
 * page checks the browser session and asks `allows` with its principal, as the guard would.
 */
@ApiExcludeController()
@Access.public()
@UseFilters(WebErrorFilter)
@Controller()
export class ViewPagesController {
  constructor(private readonly web: WebPages) {}

  @Get('app')
  overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.web.page(request, reply, query, VIEWS, (input) => overviewPage(input));
  }

  @Get('app/aanwezigheid')
  presence(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.web.page(request, reply, query, VIEWS, (input) => presencePage(input));
  }

  @Get('app/continuiteit')
  continuity(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.web.page(request, reply, query, VIEWS, (input) => continuityPage(input));
  }

  @Get('app/afspraken')
  commitments(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    const status = oneOf(COMMITMENT_STATUS_FILTERS, query.status);
    return this.web.page(request, reply, query, VIEWS, (input) =>
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
    return this.web.page(request, reply, query, VIEWS, async (input) => {
      const programmeId = input.views.commitments.byId.get(id)?.origin?.programmeId;
      if (!this.web.inScope(input.context, programmeId)) return notFound(input);
      return (await commitmentPage(input, id)) ?? notFound(input);
    });
  }

  @Get('app/geld')
  money(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.web.page(request, reply, query, VIEWS, (input) => moneyPage(input));
  }

  @Get('app/overdrachten')
  handovers(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.web.page(request, reply, query, VIEWS, (input) => handoversPage(input));
  }

  @Get('app/tijdlijn')
  timeline(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    const category = oneOf(FACT_CATEGORIES, query.category) as FactCategory | undefined;
    const cursor =
      typeof query.cursor === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(query.cursor) ? query.cursor : undefined;
    return this.web.page(request, reply, query, VIEWS, (input) => timelinePageOf(input, category, cursor));
  }

  /** Reflecties: the API's answer for this reader decides which reflections it reads, and counts the rest. */
  @Get('app/reflecties')
  reflections(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.web.page(request, reply, query, VIEWS, async (input) => {
      const { state, principal, programmes } = input.context;
      const question = apiQuery({ ...state, programmeId: state.programmeId ?? programmes[0]?.programmeId });
      const ask = async <T>(path: string): Promise<T | undefined> => {
        const answer = await this.web.askApi(principal, { url: `${path}${question}` });
        return answer.statusCode === 200 ? (answer.json() as T) : undefined;
      };
      const list = await ask<{ reflections: ReflectionRow[] }>('/views/reflections');
      const counts = await ask<ReflectionCounts>('/views/reflections/counts');
      return reflectionsPage(
        input,
        list?.reflections ?? [],
        counts ?? { total: 0, byTheme: [], bySite: [] },
        mayRecord(input.context),
      );
    });
  }

  @Get('app/download/:page')
  async download(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: QueryParams,
    @Param('page') page: string,
  ) {
    const session = this.web.session(request, reply);
    const context = this.web.context(request, session, query);
    if (!session.principal) return this.web.toSignIn(request, reply, session);
    const route = Object.hasOwn(DOWNLOADS, page) ? DOWNLOADS[page] : undefined;
    if (!route) return this.web.send(reply, context, notFound({ context }), 404);
    const { state, problems } = readPageState(query);
    if (problems.length > 0)
      return this.web.send(
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
    const programmeId = context.state.programmeId ?? context.programmes[0]?.programmeId;
    // The timeline answers a page at a time: the download follows its cursor to the end,
    // streamed, so a long log's CSV does not sit in memory; "since" is its period's start.
    const paged = route === '/views/timeline';
    const ask = (cursor?: string) =>
      this.web.askApi(session.principal, {
        url: `${route}${apiQuery(
          { ...state, programmeId },
          { ...extra, ...(paged && { limit: '1000', cursor, from: state.since }) },
        )}`,
        headers: { accept: 'text/csv' },
      });
    const first = await ask();
    if (first.statusCode !== 200) {
      return reply
        .code(first.statusCode)
        .header('content-type', String(first.headers['content-type']))
        .send(first.rawPayload);
    }
    async function* pages() {
      yield first.rawPayload;
      for (let next = first.headers['x-next-cursor']; typeof next === 'string';) {
        const answer = await ask(next);
        if (answer.statusCode !== 200) return;
        // Each page repeats the byte-order mark and the header line; the file has them once.
        const text = answer.rawPayload.toString('utf8');
        yield Buffer.from(text.slice(text.indexOf('\r\n') + 2));
        next = answer.headers['x-next-cursor'];
      }
    }
    return reply
      .code(200)
      .header('content-type', first.headers['content-type'] ?? 'text/csv; charset=utf-8')
      .header('content-disposition', first.headers['content-disposition'] ?? `attachment; filename="${page}.csv"`)
      .header('cache-control', 'no-store')
      .send(paged ? Readable.from(pages()) : first.rawPayload);
  }
}
