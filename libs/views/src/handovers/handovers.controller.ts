import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@samen/access';
import { periodOf } from '../api/query-window';
import { answerView } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { ViewRunner } from '../runner/view-runner';
import { handoverHistory, type HandoverFilter, type SeatEventKind } from './handovers.query';

const KINDS: Record<SeatEventKind, string> = {
  assigned: 'benoemd / assigned',
  vacated: 'vertrokken / vacated',
  appointed: 'opvolger benoemd / successor appointed',
  handover: 'overdracht / handover',
};

/**
 * Handover notes are restricted (the party and the programme team only). Until views know
 * who is asking, this endpoint never returns or exports them: the view does not keep them.
 */
@ApiTags('overzichten / views')
@ApiProduces('application/json', 'text/csv')
@Access.views()
@Controller('views/handovers')
export class HandoversController {
  constructor(private readonly runner: ViewRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Overdrachtsgeschiedenis / handover history',
    description:
      'Per partij (gemeenten eerst) elke benoeming, elk vertrek en elke overdracht op volgorde, met wat er is overgedragen en aan wie (of nog niemand). Zonder de vertrouwelijke notitie. CSV: één regel per gebeurtenis. / Per party (gemeenten first) every appointment, departure and handover in order, with what was passed on and to whom (or nobody yet). Without the restricted note. CSV: one row per event.',
  })
  @ApiOkResponse({ description: 'Het overzicht / the view' })
  handovers(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return answerView(this.runner, {
      view: 'handovers',
      query,
      reply,
      compute: (views, window) => handoverHistory(views.directory, views.continuity, filterOf(query), window),
      csv: {
        filename: 'overdrachten',
        rows: (report) => report.parties.flatMap((party) => party.events),
        columns: [
          { header: 'Datum / date', value: (e) => e.on },
          { header: 'Moment / moment', value: (e) => e.at },
          { header: 'Soort / kind', value: (e) => KINDS[e.kind] },
          { header: 'Partij / party', value: (e) => e.partyName },
          { header: 'Partij-id / party id', value: (e) => e.partyId },
          { header: 'Soort partij / party kind', value: (e) => e.partyKind },
          { header: 'Proeftuin / site', value: (e) => e.siteId },
          { header: 'Rol / role', value: (e) => e.title },
          { header: 'Rol-id / role id', value: (e) => e.roleId },
          { header: 'Persoon-id / person id', value: (e) => e.personId },
          { header: 'Overdracht vastgelegd / handover recorded', value: (e) => e.handoverRecorded },
          { header: 'Vorige / previous holder', value: (e) => e.previousPersonId },
          { header: 'Overdracht-id / handover id', value: (e) => e.handover?.handoverId },
          { header: 'Overgedragen op / handed over on', value: (e) => e.handover?.handedOverOn },
          {
            header: 'Aan / to',
            value: (e) => (e.handover ? (e.handover.toPersonId ?? 'nog niemand / nobody yet') : null),
          },
          {
            header: 'Overgedragen toezeggingen / commitments transferred',
            value: (e) => e.handover?.transferredCommitmentIds.join(' '),
          },
          {
            header: 'Voorgesteld aan partners / introduced to partners',
            value: (e) => e.handover?.introducedToPartners,
          },
        ],
      },
    });
  }
}

function filterOf(query: ViewQueryDto): HandoverFilter {
  return {
    ...periodOf(query),
    ...(query.programmeId && { programmeId: query.programmeId }),
    ...(query.siteId && { siteId: query.siteId }),
    ...(query.partyId && { partyId: query.partyId }),
  };
}
