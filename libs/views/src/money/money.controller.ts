import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@samen/access';
import { euros } from '../api/csv';
import { periodOf } from '../api/query-window';
import { answerView } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { askedToday } from '../commitments/judged-at';
import { ViewRunner } from '../runner/view-runner';
import { attendanceFees } from './attendance-fees.query';
import { invoiceWaits } from './invoices.query';
import type { MoneyFilter } from './money-sites';
import { moneyReport } from './money.query';

@ApiTags('overzichten / views')
@ApiProduces('application/json', 'text/csv')
@Access.views()
@Controller('views/money')
export class MoneyController {
  constructor(private readonly runner: ViewRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Geld per fonds en gemeente, per proeftuin / money per fund and gemeente, per site',
    description:
      'Per betaler en proeftuin: toegezegd (ingetrokken telt niet meer, gebroken alleen wat betaald is; vergoedingen per bijeenkomst zoals verdiend), betaald (min terugboekingen), openstaand (nooit onder 0); per proeftuin één pot over alle financiers met ieders aandeel. Bedragen in eurocent. CSV: één regel per betaler en proeftuin. / Per payer and site: committed (withdrawn no longer counts, broken only what was paid; fees per meeting as earned), paid (net of reversals), outstanding (never below 0); per site one pot across all funders with each one’s share. Amounts in euro cents. CSV: one row per payer and site.',
  })
  @ApiOkResponse({ description: 'Het overzicht / the view' })
  money(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const now = Date.now();
    return answerView(this.runner, {
      view: 'money',
      query: askedToday(query, now),
      reply,
      compute: (views, window) => moneyReport(views, filterOf(query), window, now),
      csv: {
        filename: 'geld',
        rows: (report) => report.lines,
        columns: [
          { header: 'Betaler / payer', value: (r) => r.payerName },
          { header: 'Betaler-id / payer id', value: (r) => r.payerPartyId },
          { header: 'Soort betaler / payer kind', value: (r) => r.payerKind },
          { header: 'Proeftuin / site', value: (r) => r.siteName },
          { header: 'Proeftuin-id / site id', value: (r) => r.siteId },
          { header: 'Programma / programme', value: (r) => r.programmeId },
          { header: 'Toegezegd (cent) / committed (cents)', value: (r) => r.committedInCents },
          { header: 'Toegezegd (euro) / committed (euros)', value: (r) => euros(r.committedInCents) },
          { header: 'Betaald (cent) / paid (cents)', value: (r) => r.paidInCents },
          { header: 'Betaald (euro) / paid (euros)', value: (r) => euros(r.paidInCents) },
          { header: 'Openstaand (cent) / outstanding (cents)', value: (r) => r.outstandingInCents },
          { header: 'Openstaand (euro) / outstanding (euros)', value: (r) => euros(r.outstandingInCents) },
          {
            header: 'Financiering toegezegd (euro) / funding committed (euros)',
            value: (r) => euros(r.fundingCommittedInCents),
          },
          { header: 'Vergoedingen verdiend (euro) / fees earned (euros)', value: (r) => euros(r.feesEntitledInCents) },
          { header: 'Financiering betaald (euro) / funding paid (euros)', value: (r) => euros(r.fundingPaidInCents) },
          { header: 'Vergoedingen betaald (euro) / fees paid (euros)', value: (r) => euros(r.feesPaidInCents) },
          { header: 'Facturen betaald (euro) / invoices paid (euros)', value: (r) => euros(r.invoicesPaidInCents) },
          { header: 'Toezeggingen / commitments', value: (r) => r.commitmentIds.join(' ') },
        ],
      },
    });
  }

  @Get('attendance-fees')
  @ApiOperation({
    summary: 'Vergoedingen per bijgewoonde bijeenkomst / attendance fees',
    description:
      'Elke verdiende vergoeding (een bijeenkomst die doorging waar iemand voor het initiatief aanwezig was), wat erop betaald is (oudste eerst) en hoe lang ze wachtte. CSV: één regel per vergoeding. / Every fee earned (a meeting that took place where someone was present for the initiative), what was paid on it (oldest first) and how long it waited. CSV: one row per entitlement.',
  })
  attendanceFees(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const now = Date.now();
    return answerView(this.runner, {
      view: 'money-attendance-fees',
      query: askedToday(query, now),
      reply,
      compute: (views, window) => attendanceFees(views, filterOf(query), window, now),
      csv: {
        filename: 'vergoedingen',
        rows: (report) => report.entitlements,
        columns: [
          { header: 'Betaler-id / payer id', value: (r) => r.payerPartyId },
          { header: 'Initiatief-id / initiative id', value: (r) => r.initiativePartyId },
          { header: 'Proeftuin-id / site id', value: (r) => r.siteId },
          { header: 'Toezegging-id / commitment id', value: (r) => r.commitmentId },
          { header: 'Bijeenkomst / meeting', value: (r) => r.meetingTitle },
          { header: 'Bijeenkomst-id / meeting id', value: (r) => r.meetingId },
          { header: 'Datum bijeenkomst / meeting date', value: (r) => r.meetingOn },
          { header: 'Vergoeding (cent) / fee (cents)', value: (r) => r.amountInCents },
          { header: 'Vergoeding (euro) / fee (euros)', value: (r) => euros(r.amountInCents) },
          { header: 'Betaald (euro) / paid (euros)', value: (r) => euros(r.paidInCents) },
          { header: 'Open (euro) / open (euros)', value: (r) => euros(r.openInCents) },
          { header: 'Betaald op / paid on', value: (r) => r.paidOn },
          { header: 'Betaling-id / payment id', value: (r) => r.paymentId },
          { header: 'Wacht nog / still waiting', value: (r) => r.waiting },
          { header: 'Dagen gewacht / days waited', value: (r) => r.daysWaited },
        ],
      },
    });
  }

  @Get('invoices')
  @ApiOperation({
    summary: 'Facturen en hoe lang ze wachtten / invoices and how long they waited',
    description:
      'Elke factuur: ingediend op, betaald op, dagen gewacht (of nog wachtend), bedrag; een teruggeboekte betaling opent de factuur weer. CSV: één regel per factuur. / Every invoice: submitted on, paid on, days waited (or still waiting), amount; a reversed payment opens the invoice again. CSV: one row per invoice.',
  })
  invoices(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const now = Date.now();
    return answerView(this.runner, {
      view: 'money-invoices',
      query: askedToday(query, now),
      reply,
      compute: (views, window) => invoiceWaits(views, filterOf(query), window, now),
      csv: {
        filename: 'facturen',
        rows: (report) => report.invoices,
        columns: [
          { header: 'Factuur-id / invoice id', value: (r) => r.invoiceId },
          { header: 'Van / from', value: (r) => r.fromName },
          { header: 'Van partij-id / from party id', value: (r) => r.fromPartyId },
          { header: 'Aan / to', value: (r) => r.toName },
          { header: 'Aan partij-id / to party id', value: (r) => r.toPartyId },
          { header: 'Proeftuin-id / site id', value: (r) => r.siteId },
          { header: 'Toezegging-id / commitment id', value: (r) => r.commitmentId },
          { header: 'Bedrag (cent) / amount (cents)', value: (r) => r.amountInCents },
          { header: 'Bedrag (euro) / amount (euros)', value: (r) => euros(r.amountInCents) },
          { header: 'Ingediend op / submitted on', value: (r) => r.submittedOn },
          { header: 'Betaald op / paid on', value: (r) => r.paidOn },
          { header: 'Betaling-id / payment id', value: (r) => r.paymentId },
          { header: 'Wacht nog / still waiting', value: (r) => r.waiting },
          { header: 'Dagen gewacht / days waited', value: (r) => r.daysWaited },
          { header: 'Heropend / reopened', value: (r) => r.reopened },
        ],
      },
    });
  }
}

function filterOf(query: ViewQueryDto): MoneyFilter {
  return {
    ...periodOf(query),
    ...(query.programmeId && { programmeId: query.programmeId }),
    ...(query.siteId && { siteId: query.siteId }),
    ...(query.partyId && { partyId: query.partyId }),
  };
}
