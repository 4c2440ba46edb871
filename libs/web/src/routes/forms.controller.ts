import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Access } from '@samen/access';
import { ATTENDANCE_STATUSES } from '@samen/attendance';
import { bodyOf, factFormPage, problemOf } from '../forms/fact-form';
import { FACT_FORMS } from '../forms/fact-forms';
import { one } from '../forms/form-values';
import { attendanceFormPage, attendanceLines, STATUS_TEXT, type LineError } from '../forms/attendance.form';
import { WebErrorFilter } from '../web-error.filter';

import type { PageInput } from '../pages/page-input';
import { WebPages } from '../web-pages';
import { formOf, notFound, problemText, RECORDING, type QueryParams } from '../web-request';
/** The forms for the facts people record most, each posted to the API's own route on the reader's behalf. */
@ApiExcludeController()
@Access.public()
@UseFilters(WebErrorFilter)
@Controller()
export class FormsController {
  constructor(private readonly web: WebPages) {}

  @Get('app/bijeenkomsten/:meetingId/aanwezigheid')
  attendanceForm(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query() query: QueryParams,
    @Param('meetingId') meetingId: string,
  ) {
    return this.web.page(request, reply, query, RECORDING, async (input) => {
      const meetingProgramme = input.views.directory.meetings.get(meetingId)?.programmeId;
      if (!this.web.inScope(input.context, meetingProgramme)) return notFound(input);
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
    return this.web.page(request, reply, request.query as QueryParams, RECORDING, async (input) => {
      const { context } = input;
      this.web.requireCsrf(this.web.session(request, reply), form);
      const meetingProgramme = input.views.directory.meetings.get(meetingId)?.programmeId;
      if (!this.web.inScope(context, meetingProgramme)) return notFound(input);
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
        const answer = await this.web.askApi(context.principal, {
          method: 'POST',
          url: `/meetings/${encodeURIComponent(meetingId)}/attendance`,
          headers: {
            'idempotency-key': `${idempotencyKey}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`,
          },
          body: { personId, partyId, status },
        });
        if (answer.statusCode === 201) saved += 1;
        else errors.push({ key, message: problemText(answer.json() as { detail?: string; title?: string }) });
      }
      await this.web.caughtUp();
      const fresh =
        attendanceLines(
          context,
          this.web.runner.peek((v) => v),
          meetingId,
        ) ?? [];
      if (errors.length > 0) reply.code(409);
      return attendanceFormPage({ ...input, views: this.web.runner.peek((v) => v) }, meetingId, fresh, {
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
    return this.web.page(request, reply, query, RECORDING, async (input) => {
      const form = Object.hasOwn(FACT_FORMS, name) ? FACT_FORMS[name] : undefined;
      const subject = typeof query.subject === 'string' ? query.subject : undefined;
      if (!form || (form.needsSubject && !subject) || !this.subjectInScope(input, subject)) return notFound(input);
      const withPeople = await this.web.withPeople({ ...input, subject });
      return factFormPage(withPeople, form, {
        action: this.web.formAction(input.context, name),
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
    return this.web.page(request, reply, request.query as QueryParams, RECORDING, async (input) => {
      this.web.requireCsrf(this.web.session(request, reply), posted);
      const form = Object.hasOwn(FACT_FORMS, name) ? FACT_FORMS[name] : undefined;
      const subject = one(posted, 'subject') || undefined;
      if (!form || (form.needsSubject && !subject) || !this.subjectInScope(input, subject)) return notFound(input);
      const withPeople = await this.web.withPeople({ ...input, subject });
      const idempotencyKey = /^[0-9a-f-]{36}$/.test(one(posted, 'idempotencyKey'))
        ? one(posted, 'idempotencyKey')
        : randomUUID();
      const state = { action: this.web.formAction(input.context, name), subject, idempotencyKey, posted };
      const { body, errors } = bodyOf(withPeople, form, posted);
      if (!body) return factFormPage(withPeople, form, { ...state, errors });
      const answer = await this.web.askApi(input.context.principal, {
        method: 'POST',
        url: form.route(subject),
        headers: { 'idempotency-key': idempotencyKey },
        body: { ...(form.shape ? form.shape(body) : body), ...form.fixed?.(withPeople, subject) },
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
      await this.web.runner.caughtUpTo(BigInt((answer.json() as { position: string }).position), 5_000);
      reply.redirect(form.after(input.context, subject), 303);
      return undefined;
    });
  }

  /** A form's subject (a commitment, a role) must be of a programme this reader reads. */
  private subjectInScope(input: PageInput, subject: string | undefined): boolean {
    if (subject === undefined) return true;
    const { views, context } = input;
    const commitment = views.commitments.byId.get(subject)?.origin?.programmeId;
    if (commitment !== undefined) return this.web.inScope(context, commitment);
    const role = views.directory.roles.get(subject);
    if (!role) return false;
    // A role named for no programme belongs to its party's programmes; its own party may hand it over.
    return role.programmeId !== undefined
      ? this.web.inScope(context, role.programmeId)
      : context.principal?.kind !== 'party-member' || context.principal.partyId === role.partyId;
  }
}
