import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health';

@ApiTags('gezondheid / health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Werkt de ledger? / Is the ledger up?',
    description:
      'Meldt of de event store antwoordt en tot welke positie hij reikt. / Reports whether the event store answers and its head position.',
  })
  check() {
    return this.health.check([() => this.eventStore.check()]);
  }
}
