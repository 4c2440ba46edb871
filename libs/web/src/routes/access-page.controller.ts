import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Access, type AccessTokens } from '@samen/access';
import { one } from '../forms/form-values';
import { accessPage, ACCESS_KINDS } from '../pages/access.page';
import { WebErrorFilter } from '../web-error.filter';

import { WebPages } from '../web-pages';
import { formOf, notFound, oneOf, PROGRAMME_TEAM, type QueryParams } from '../web-request';
/** Codes issued per session and form, so that a form sent twice issues one code (this instance's memory). */
const ISSUED = new Map<string, { code: string; label: string }>();

/** Toegang: the programme team issues and revokes access codes. */
@ApiExcludeController()
@Access.public()
@UseFilters(WebErrorFilter)
@Controller()
export class AccessPageController {
  constructor(private readonly web: WebPages) {}

  @Get('app/toegang')
  access(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryParams) {
    return this.web.page(request, reply, query, PROGRAMME_TEAM, async (input) =>
      accessPage(input, this.web.tokens.list().reverse(), {}),
    );
  }

  @Post('app/toegang')
  issueAccess(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const form = formOf(request);
    return this.web.page(request, reply, request.query as QueryParams, PROGRAMME_TEAM, async (input) => {
      const { context, views } = input;
      this.web.requireCsrf(this.web.session(request, reply), form);
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
        return accessPage(input, this.web.tokens.list().reverse(), {
          values: Object.fromEntries(Object.keys(form).map((k) => [k, one(form, k)])),
          errors,
        });
      }
      const id = `web-${randomUUID().slice(0, 8)}`;
      // The same form sent again (a refresh, a double click) shows the code it made, and makes no second one.
      const again = `${this.web.session(request, reply).sessionId}:${one(form, 'issueKey')}`;
      const issuedBefore = ISSUED.get(again);
      if (issuedBefore) return accessPage(input, this.web.tokens.list().reverse(), { issued: issuedBefore });
      const principal = kind === 'party-member' ? { kind, id, partyId } : { kind: kind!, id };
      const { token } = await this.web.tokens.issue(principal as Parameters<AccessTokens['issue']>[0], label, days);
      if (ISSUED.size >= 1_000) ISSUED.delete(ISSUED.keys().next().value as string);
      ISSUED.set(again, { code: token, label });
      return accessPage(input, this.web.tokens.list().reverse(), { issued: { code: token, label } });
    });
  }

  @Post('app/toegang/:tokenId/intrekken')
  revokeAccess(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('tokenId') tokenId: string) {
    const form = formOf(request);
    return this.web.page(request, reply, request.query as QueryParams, PROGRAMME_TEAM, async (input) => {
      this.web.requireCsrf(this.web.session(request, reply), form);
      if (!(await this.web.tokens.revoke(tokenId))) return notFound(input);
      return accessPage(input, this.web.tokens.list().reverse(), {});
    });
  }
}
