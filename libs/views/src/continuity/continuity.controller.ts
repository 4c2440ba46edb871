import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@samen/access';
import { periodOf } from '../api/query-window';
import { answerView } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { dutchDate } from '../core/time-window';
import { ViewRunner } from '../runner/view-runner';
import {
  continuityReport,
  type AttendanceCount,
  type ContinuityFilter,
  type ContinuityReport,
  type Departure,
  type OrphanEnd,
} from './continuity.query';

const ORPHAN_ENDS: Record<OrphanEnd, string> = {
  transferred: 'overgedragen / transferred',
  'handed-over': 'bij overdracht / handed over',
  fulfilled: 'nagekomen / fulfilled',
  broken: 'gebroken / broken',
  withdrawn: 'ingetrokken / withdrawn',
};

const NOBODY_YET = 'nog niemand / nobody yet';

@ApiTags('overzichten / views')
@ApiProduces('application/json', 'text/csv')
@Access.views()
@Controller('views/continuity')
export class ContinuityController {
  constructor(private readonly runner: ViewRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Continuïteit na personeelswisselingen / continuity after staff turnover',
    description:
      'Per partij (gemeenten eerst) en per proeftuin: wie welke rol vervulde, elk vertrek met vacaturedagen, overdracht, toezeggingen zonder eigenaar en de opkomst van de partij 90 dagen ervoor en erna, en drie of meer vertrekken binnen 90 dagen. CSV: één regel per vertrek. / Per party (gemeenten first) and per site: who held each role when, every departure with its vacancy days, handover, orphaned commitments and the party’s attendance in the 90 days before and after, and three or more departures within 90 days. CSV: one row per departure.',
  })
  @ApiOkResponse({ description: 'Het overzicht / the view' })
  continuity(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const now = Date.now();
    return answerView<ContinuityReport, Departure>(this.runner, {
      view: 'continuity',
      query: datedQuery(query, now),
      reply,
      compute: (views, window) => continuityReport(views, filterOf(query), window, now),
      csv: {
        filename: 'continuiteit',
        rows: (report) => report.departures,
        columns: [
          { header: 'Partij / party', value: (d) => d.partyName },
          { header: 'Partij-id / party id', value: (d) => d.partyId },
          { header: 'Soort partij / party kind', value: (d) => d.partyKind },
          { header: 'Proeftuin / site', value: (d) => d.siteId },
          { header: 'Rol / role', value: (d) => d.title },
          { header: 'Rol-id / role id', value: (d) => d.roleId },
          { header: 'Persoon-id / person id', value: (d) => d.personId },
          { header: 'Vertrokken op / departed on', value: (d) => d.departedOn },
          { header: 'Overdracht / handover', value: (d) => d.handover !== null },
          {
            header: 'Overgedragen aan / handed over to',
            value: (d) => (d.handover ? (d.handover.toPersonId ?? NOBODY_YET) : null),
          },
          { header: 'Opvolger / successor', value: (d) => d.successorPersonId },
          { header: 'Opvolger benoemd op / successor appointed on', value: (d) => d.successorAppointedOn },
          { header: 'Vacaturedagen / vacancy days', value: (d) => d.vacancyDays },
          { header: 'Nog vacant / still vacant', value: (d) => d.stillVacant },
          {
            header: 'Toezeggingen zonder eigenaar / commitments orphaned',
            value: (d) => d.orphanedCommitmentIds.length,
          },
          {
            header: 'Toezegging-ids zonder eigenaar / orphaned commitment ids',
            value: (d) => d.orphanedCommitmentIds.join(' '),
          },
          ...attendanceColumns<Departure>('vóór', 'before', (d) => d.attendance.before),
          ...attendanceColumns<Departure>('na', 'after', (d) => d.attendance.after),
        ],
      },
    });
  }

  @Get('orphans')
  @ApiOperation({
    summary: 'Toezeggingen zonder eigenaar / commitments left without an owner',
    description:
      'Elke toezegging die door een vertrek zonder overdracht geen eigenaar meer had, vanaf wanneer en hoe lang. CSV: één regel per toezegging. / Every commitment a departure left without an owner, from when and for how long. CSV: one row per commitment.',
  })
  @ApiOkResponse({ description: 'Het overzicht / the view' })
  orphans(@Query() query: ViewQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const now = Date.now();
    return answerView(this.runner, {
      view: 'continuity-orphans',
      query: datedQuery(query, now),
      reply,
      compute: (views, window) => ({
        orphanedCommitments: continuityReport(views, filterOf(query), window, now).orphanedCommitments,
      }),
      csv: {
        filename: 'toezeggingen-zonder-eigenaar',
        rows: (answer) => answer.orphanedCommitments,
        columns: [
          { header: 'Toezegging-id / commitment id', value: (o) => o.commitmentId },
          { header: 'Soort toezegging / commitment kind', value: (o) => o.commitmentKind },
          { header: 'Partij / party', value: (o) => o.partyName },
          { header: 'Partij-id / party id', value: (o) => o.partyId },
          { header: 'Soort partij / party kind', value: (o) => o.partyKind },
          { header: 'Proeftuin / site', value: (o) => o.siteId },
          { header: 'Rol / role', value: (o) => o.title },
          { header: 'Rol-id / role id', value: (o) => o.roleId },
          { header: 'Vertrokken persoon-id / departed person id', value: (o) => o.departedPersonId },
          { header: 'Zonder eigenaar vanaf / orphaned from', value: (o) => o.orphanedOn },
          { header: 'Zonder eigenaar tot / orphaned until', value: (o) => o.orphanedUntil },
          { header: 'Dagen / days', value: (o) => o.days },
          { header: 'Nog zonder eigenaar / still orphaned', value: (o) => o.stillOrphaned },
          { header: 'Geëindigd door / ended by', value: (o) => (o.endedBy ? ORPHAN_ENDS[o.endedBy] : null) },
        ],
      },
    });
  }
}

function attendanceColumns<Row>(dutch: string, english: string, of: (row: Row) => AttendanceCount) {
  return [
    { header: `Verwacht 90 dagen ${dutch} / expected 90 days ${english}`, value: (row: Row) => of(row).expected },
    { header: `Aanwezig 90 dagen ${dutch} / attended 90 days ${english}`, value: (row: Row) => of(row).attended },
    { header: `Opkomst 90 dagen ${dutch} / attendance rate 90 days ${english}`, value: (row: Row) => of(row).rate },
  ];
}

/**
 * Open vacancies and orphaned commitments count days up to today, so the remembered answer
 * is keyed by the day too: a new day gives a new answer even when the log has not moved.
 */
function datedQuery(query: ViewQueryDto, now: number): ViewQueryDto {
  const dated: ViewQueryDto & { today: string } = { ...query, today: dutchDate(now) };
  return dated;
}

function filterOf(query: ViewQueryDto): ContinuityFilter {
  return {
    ...periodOf(query),
    ...(query.programmeId && { programmeId: query.programmeId }),
    ...(query.siteId && { siteId: query.siteId }),
    ...(query.partyId && { partyId: query.partyId }),
  };
}
