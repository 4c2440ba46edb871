import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Access } from '@samen/access';
import { EnumProperty } from '@samen/command-handling';
import { ValidationError } from '@samen/ledger-kernel';
import type { CsvColumn } from '../api/csv';
import { periodOf } from '../api/query-window';
import { answerView, type CsvTable } from '../api/view-answer';
import { ViewQueryDto } from '../api/view-query.dto';
import { endOfDutchDay } from '../core/time-window';
import { ViewRunner } from '../runner/view-runner';
import { FACT_CATEGORIES, FACT_TYPES, type FactCategory, type FactType } from './timeline.projection';
import {
  CHANGE_BASES,
  decodeCursor,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  timelineChanges,
  timelinePage,
  type ChangeBasis,
  type TimelineEntry,
  type TimelineFilter,
  type TimelinePage,
  type TimelinePaging,
} from './timeline.query';

class TimelineQueryDto extends ViewQueryDto {
  @EnumProperty(FACT_TYPES, { description: 'Soort feit / fact type', example: 'CommitmentMade', optional: true })
  kind?: FactType;

  @EnumProperty(FACT_CATEGORIES, {
    description: 'Categorie feiten / fact category',
    example: 'commitments',
    optional: true,
  })
  category?: FactCategory;

  @ApiPropertyOptional({
    description: `Hoeveel feiten per pagina (standaard ${DEFAULT_LIMIT}, hoogstens ${MAX_LIMIT}) / facts per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})`,
    example: DEFAULT_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Verder na de vorige pagina: de nextCursor daarvan / continue after the previous page: its nextCursor',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: '$property must be a nextCursor this view handed out' })
  cursor?: string;
}

/** `from` and `to` are required here; the check is in the handler, as the base declares them optional. */
class TimelineChangesQueryDto extends TimelineQueryDto {
  @EnumProperty(CHANGE_BASES, {
    description:
      'occurred (standaard): wat er in de periode gebeurde; recorded: wat de ledger in de periode vastlegde / occurred (default): what happened in the period; recorded: what the ledger recorded in it',
    example: 'occurred',
    optional: true,
  })
  by?: ChangeBasis;
}

const COLUMNS: readonly CsvColumn<TimelineEntry>[] = [
  { header: 'Positie / position', value: (e) => e.position },
  { header: 'Soort / type', value: (e) => e.type },
  { header: 'Categorie / category', value: (e) => e.category },
  { header: 'Gebeurd op / occurred at', value: (e) => e.occurredAt },
  { header: 'Vastgelegd op / recorded at', value: (e) => e.recordedAt },
  { header: 'Stroom / stream', value: (e) => e.streamName },
  { header: 'Programma / programme', value: (e) => e.programmeId },
  { header: 'Proeftuin / site', value: (e) => e.siteId },
  { header: 'Partijen / parties', value: (e) => e.partyIds.join(' ') },
];

@ApiTags('overzichten / views')
@ApiProduces('application/json', 'text/csv')
@Access.views()
@Controller('views/timeline')
export class TimelineController {
  constructor(private readonly runner: ViewRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Tijdlijn: elk feit op volgorde / timeline: every fact in order',
    description:
      'Elk feit in de volgorde waarin het gebeurde (dan vastgelegd, dan positie), met het programma, de proeftuin en de partijen waar het over gaat en een link naar de geschiedenis van zijn stroom; per pagina, met nextCursor voor de volgende. CSV: één regel per feit van de pagina (de volgende cursor staat in de header x-next-cursor). / Every fact in the order it happened (then recorded, then position), with the programme, site and parties it concerns and a link to its stream’s history; paged, with nextCursor for the next page. CSV: one row per fact of the page (the next cursor is in the x-next-cursor header).',
  })
  @ApiOkResponse({ description: 'Een pagina van de tijdlijn / a page of the timeline' })
  timeline(@Query() query: TimelineQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const paging = pagingOf(query);
    return answerView(this.runner, {
      view: 'timeline',
      query,
      reply,
      compute: (views, window) =>
        timelinePage(views.timeline, { ...filterOf(query), ...periodOf(query) }, window, paging),
      csv: pageCsv('tijdlijn'),
    });
  }

  @Get('changes')
  @ApiOperation({
    summary: 'Wat er veranderde tussen twee dagen / what changed between two dates',
    description:
      'Vereist: from en to (datums). De feiten die na het einde van `from` tot en met `to` gebeurden (by=recorded: werden vastgelegd), geteld per soort en per categorie, met de eerste `limit` feiten en een cursor. CSV: één regel per feit van de pagina. / Required: from and to (dates). The facts that occurred after the end of `from` up to and including `to` (by=recorded: were recorded), counted per type and per category, with the first `limit` facts and a cursor. CSV: one row per fact of the page.',
  })
  @ApiOkResponse({ description: 'De veranderingen / the changes' })
  changes(@Query() query: TimelineChangesQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const paging = pagingOf(query);
    const period = periodBetween(query);
    return answerView(this.runner, {
      view: 'timeline-changes',
      query,
      reply,
      compute: (views, window) => timelineChanges(views.timeline, period, filterOf(query), window, paging),
      csv: pageCsv('tijdlijn-veranderingen'),
    });
  }
}

/** A page of facts as CSV: one row per fact, and the next cursor, which has no row, in a header. */
function pageCsv(filename: string): CsvTable<TimelinePage, TimelineEntry> {
  return {
    filename,
    rows: (page) => page.entries,
    headers: (page): Record<string, string> => (page.nextCursor ? { 'x-next-cursor': page.nextCursor } : {}),
    columns: COLUMNS,
  };
}

function periodBetween(query: TimelineChangesQueryDto): { after: number; until: number; by: ChangeBasis } {
  const { from, to } = query;
  const missing = (['from', 'to'] as const).filter((field) => query[field] === undefined);
  if (from === undefined || to === undefined) {
    throw new ValidationError(
      missing.map((field) => ({ field, message: `${field} is required: a date (YYYY-MM-DD)` })),
    );
  }
  if (to < from) throw new ValidationError([{ field: 'to', message: 'to must not be before from' }]);
  return { after: endOfDutchDay(from), until: endOfDutchDay(to), by: query.by ?? 'occurred' };
}

function filterOf(query: TimelineQueryDto): TimelineFilter {
  return {
    ...(query.programmeId && { programmeId: query.programmeId }),
    ...(query.siteId && { siteId: query.siteId }),
    ...(query.partyId && { partyId: query.partyId }),
    ...(query.kind && { kind: query.kind }),
    ...(query.category && { category: query.category }),
  };
}

function pagingOf(query: TimelineQueryDto): TimelinePaging {
  if (query.cursor === undefined) return { limit: query.limit ?? DEFAULT_LIMIT };
  const after = decodeCursor(query.cursor);
  if (!after) {
    throw new ValidationError([{ field: 'cursor', message: 'cursor must be a nextCursor this view handed out' }]);
  }
  return { limit: query.limit ?? DEFAULT_LIMIT, after };
}
