import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags, PickType } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '@samen/access';
import { IdParam } from '@samen/command-handling';
import { NotFoundError } from '@samen/ledger-kernel';
import { answerView } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { presenceReport } from '../presence/presence.query';
import { ViewRunner } from '../runner/view-runner';

/** The public may ask as of a date; no other filter: the aggregate is the programme's. */
class PublishedQueryDto extends PickType(ViewQueryDto, ['asOf', 'knownAt', 'minPosition'] as const) {}

/**
 * What a programme has chosen to publish, for anyone: aggregates only, no people. A
 * programme that publishes nothing looks the same as one that does not exist.
 */
@ApiTags('openbaar / published')
@ApiProduces('application/json', 'text/csv')
@Access.public()
@Controller('public/programmes')
export class PublishedController {
  constructor(private readonly runner: ViewRunner) {}

  @Get(':programmeId/attendance-rates')
  @ApiOperation({
    summary:
      'Opkomst per gemeente bij collectieve bijeenkomsten, als het programma die publiceert / attendance rates per gemeente, where the programme publishes them',
  })
  attendanceRates(
    @IdParam('programmeId') programmeId: string,
    @Query() query: PublishedQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const programme = this.runner.peek((views) => views.directory.programmes.get(programmeId));
    if (!programme?.publishes?.includes('attendance-rates')) throw new NotFoundError('programme', programmeId);
    return answerView(this.runner, {
      view: `published-attendance-rates:${programmeId}`,
      query,
      reply,
      compute: (views, window) => ({
        programmeId,
        rates: presenceReport(views.directory, views.presence, { programmeId }, window).rates.filter(
          (rate) => rate.kind === 'municipality',
        ),
      }),
      csv: {
        filename: `opkomst-${programmeId}`,
        rows: (answer) => answer.rates,
        columns: [
          { header: 'Gemeente / municipality', value: (r) => r.name },
          { header: 'Verwacht (collectief) / expected (collective)', value: (r) => r.collectiveExpected },
          { header: 'Aanwezig (collectief) / attended (collective)', value: (r) => r.collectiveAttended },
          { header: 'Opkomst / rate', value: (r) => r.rate },
        ],
      },
    });
  }
}
