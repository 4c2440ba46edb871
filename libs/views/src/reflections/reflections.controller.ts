import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, ANONYMOUS, type Principal, type RequestWithPrincipal } from '@samen/access';
import { periodOf } from '../api/query-window';
import { answerView } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { ViewRunner } from '../runner/view-runner';
import {
  readableReflections,
  readerClass,
  reflectionCounts,
  type ReflectionCount,
  type ReflectionFilter,
} from './reflections.query';

const VISIBILITY_NL = {
  shared: 'gedeeld / shared',
  parties: 'alleen partijen / parties only',
  initiatives: 'alleen initiatieven / initiatives only',
  'funders-aggregate': 'fondsen alleen tellingen / funders see counts only',
} as const;

/**
 * Reflections (intervisie) with their words, each to the readers its visibility allows: the
 * rule book (`mayReadFact`) is asked for every reflection and every reader, and the answer is
 * remembered per reader class (`readerClass`), never across them.
 */
@ApiTags('overzichten / views')
@ApiProduces('application/json', 'text/csv')
@Access.views()
@Controller('views/reflections')
export class ReflectionsController {
  constructor(private readonly runner: ViewRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Reflecties / reflections',
    description:
      'Elke reflectie die u mag lezen: gedeeld voor het hele programma, alleen initiatieven, alleen genoemde partijen, of fondsen alleen als telling (/counts). CSV: één regel per reflectie. / Every reflection you may read: shared, initiatives only, named parties only, or for funders as counts only (/counts). CSV: one row per reflection.',
  })
  @ApiOkResponse({ description: 'Het overzicht / the view' })
  reflections(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const principal = principalOf(reply);
    return answerView(this.runner, {
      view: 'reflections',
      query,
      reply,
      reader: readerClass(principal),
      compute: (views, window) => readableReflections(views, principal, filterOf(query), window),
      csv: {
        filename: 'reflecties',
        rows: (answer) => answer.reflections,
        columns: [
          { header: 'Gebeurd op / occurred at', value: (r) => r.occurredAt },
          { header: 'Reflectie-id / reflection id', value: (r) => r.reflectionId },
          { header: 'Programma / programme', value: (r) => r.programmeId },
          { header: 'Over / about', value: (r) => r.subject.kind },
          { header: 'Over id / about id', value: (r) => r.subject.id },
          { header: 'Proeftuin / site', value: (r) => r.siteId },
          { header: 'Partij / party', value: (r) => r.byPartyId },
          { header: "Thema's / themes", value: (r) => r.themes.join(' ') },
          { header: 'Wat er gebeurde / what happened', value: (r) => r.whatHappened },
          { header: 'Wat we leerden / what was learned', value: (r) => r.learned },
          { header: 'Zichtbaarheid / visibility', value: (r) => VISIBILITY_NL[r.visibility.kind] },
        ],
      },
    });
  }

  @Get('counts')
  @ApiOperation({
    summary: 'Reflecties geteld / reflections counted',
    description:
      'Hoeveel reflecties per thema en per proeftuin, zonder woorden, auteur of datum: voor fondsen ook die zij alleen als telling zien. CSV: één regel per thema of proeftuin. / How many reflections per theme and per site, without words, author or date: for funders also those they see as counts only. CSV: one row per theme or site.',
  })
  @ApiOkResponse({ description: 'De tellingen / the counts' })
  counts(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const principal = principalOf(reply);
    return answerView(this.runner, {
      view: 'reflection-counts',
      query,
      reply,
      reader: readerClass(principal),
      compute: (views, window) => reflectionCounts(views, principal, filterOf(query), window),
      csv: {
        filename: 'reflecties-geteld',
        rows: (counts) => [
          { dimension: 'totaal / total', key: '', count: counts.total },
          ...counts.byTheme.map((c: ReflectionCount) => ({ dimension: 'thema / theme', ...c })),
          ...counts.bySite.map((c: ReflectionCount) => ({ dimension: 'proeftuin / site', ...c })),
        ],
        columns: [
          { header: 'Per / by', value: (row) => row.dimension },
          { header: 'Wat / what', value: (row) => row.key },
          { header: 'Aantal / count', value: (row) => row.count },
        ],
      },
    });
  }
}

const principalOf = (reply: FastifyReply): Principal =>
  (reply.request as unknown as RequestWithPrincipal).principal ?? ANONYMOUS;

function filterOf(query: ViewQueryDto): ReflectionFilter {
  return {
    ...periodOf(query),
    ...(query.programmeId && { programmeId: query.programmeId }),
    ...(query.siteId && { siteId: query.siteId }),
  };
}
