import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Access } from '@samen/access';
import {
  EVENT_STORE,
  type EventStore,
  parseExpectedHead,
  verificationToJson,
  verifyEventLog,
} from '@samen/event-store';

class AuditChainQuery {
  @ApiPropertyOptional({
    description:
      'Een eerder genoteerde kop, POSITIE:HASH; de hash op die positie moet nog dezelfde zijn / ' +
      'a head written down earlier, POSITION:HASH; the hash at that position must still be the same',
    example: '1042:3f0c…',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,18}:[0-9a-fA-F]{64}$/, { message: 'expectHead must be POSITION:HASH (64 hex digits)' })
  expectHead?: string;
}

class ChainVerificationDto {
  @ApiPropertyOptional({
    nullable: true,
    description: 'true: intact; false: broken at `position`; null: this store keeps no chain (KurrentDB)',
  })
  intact!: boolean | null;
  @ApiPropertyOptional({ example: 1042 }) events?: number;
  @ApiPropertyOptional({ example: '1042', nullable: true }) headPosition?: string | null;
  @ApiPropertyOptional({ example: '3f0c6a…' }) headHash?: string;
  @ApiPropertyOptional({ example: '17', description: 'The first position where the chain breaks' })
  position?: string;
  @ApiPropertyOptional({
    enum: [
      'content-changed',
      'link-broken',
      'position-missing',
      'position-invalid',
      'expected-head-mismatch',
      'expected-head-missing',
    ],
  })
  kind?: string;
  @ApiPropertyOptional() reason?: string;
}

/**
 * The tamper-evident log (ADR 0006), as `ledger-cli verify` reports it. For the programme
 * team only: it reads the whole log as stored.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('chain')
  @Access.audit()
  @ApiOperation({
    summary:
      'Controleer de hash-keten van het hele logboek / verify the hash chain over the whole log: ' +
      'intact with the head hash, or the first position where it breaks',
  })
  @ApiOkResponse({ type: ChainVerificationDto })
  async chain(@Query() query: AuditChainQuery): Promise<ChainVerificationDto> {
    const expectHead = query.expectHead === undefined ? undefined : parseExpectedHead(query.expectHead);
    return verificationToJson(await verifyEventLog(this.store, { expectHead }));
  }
}
