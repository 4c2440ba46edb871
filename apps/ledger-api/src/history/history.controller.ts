import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Access } from '@samen/access';
import { IdParam } from '@samen/command-handling';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@samen/event-store';
import { ENTITY_NAMES, NotFoundError, streamName, ValidationError, type EntityKind } from '@samen/ledger-kernel';

/** Sites live inside their programme's stream; every other entity has its own. */
const AUDITABLE = (Object.keys(ENTITY_NAMES) as EntityKind[]).filter((entity) => entity !== 'site');
const isAuditable = (entity: string): entity is EntityKind => (AUDITABLE as string[]).includes(entity);

class HistoryQuery {
  @ApiPropertyOptional({ description: 'Vanaf revisie / from revision', example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision?: number;

  @ApiPropertyOptional({ description: 'Hoeveel (hoogstens 1000) / how many (at most 1000)', example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

class HistoryEventDto {
  @ApiProperty({ example: '1042' }) position!: string;
  @ApiProperty({ example: 0 }) revision!: number;
  @ApiProperty({ example: 'CommitmentMade' }) type!: string;
  @ApiProperty({ example: 1 }) schemaVersion!: number;
  @ApiProperty({ example: '2023-03-14T10:00:00+01:00' }) occurredAt!: string;
  @ApiProperty({ example: '2023-03-21T08:12:44.120Z' }) recordedAt!: string;
  @ApiPropertyOptional() actor?: string;
  @ApiPropertyOptional() correlationId?: string;
  @ApiPropertyOptional() causationId?: string;
  @ApiPropertyOptional({
    description: 'Integriteitshash in de keten (ADR 0006), niet op KurrentDB / chain hash (ADR 0006), not on KurrentDB',
  })
  hash?: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: object;
}

class HistoryDto {
  @ApiProperty({ example: 'commitment-tynaarlo-begroting' }) streamName!: string;
  @ApiProperty({ type: [HistoryEventDto] }) events!: HistoryEventDto[];
}

@ApiTags('geschiedenis / history')
@Controller('history')
export class HistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':entity/:id')
  // The log as stored, restricted notes and personal data included: the audit is the programme team's.
  @Access.audit()
  @ApiOperation({
    summary: 'De volledige geschiedenis van één ding, met posities / the full history of one thing, with positions',
  })
  @ApiParam({ name: 'entity', enum: AUDITABLE })
  @ApiOkResponse({ type: HistoryDto })
  async history(
    @Param('entity') entity: string,
    @IdParam('id') id: string,
    @Query() query: HistoryQuery,
  ): Promise<HistoryDto> {
    if (!isAuditable(entity)) {
      throw new ValidationError([{ field: 'entity', message: `must be one of ${AUDITABLE.join(', ')}` }]);
    }
    const stream = streamName(entity, id);
    const events = await this.store.readStream(stream, {
      fromRevision: query.fromRevision,
      maxCount: query.limit ?? 1000,
    });
    if (events.length === 0 && (await this.store.readStream(stream, { maxCount: 1 })).length === 0) {
      throw new NotFoundError(entity, id);
    }
    return { streamName: stream, events: events.map(toHistoryEvent) };
  }
}

function toHistoryEvent(event: RecordedEvent): HistoryEventDto {
  return {
    position: event.position.toString(),
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    ...event.metadata,
    recordedAt: event.recordedAt,
    ...(event.hash !== undefined && { hash: event.hash }),
    data: event.data,
  };
}
