import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Access } from '@samen/access';
import { EventStoreHealthIndicator } from './event-store.health';
import { ViewsHealthIndicator } from './views.health';

@ApiTags('gezondheid / health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly views: ViewsHealthIndicator,
  ) {}

  @Get()
  @Access.public()
  @HealthCheck()
  @ApiOperation({
    summary: 'Werkt de ledger? / Is the ledger up?',
    description:
      'Meldt of de event store antwoordt, tot welke positie hij reikt, en hoe ver de overzichten achterlopen. / Reports whether the event store answers, its head position, and how far the views are behind.',
  })
  check() {
    return this.health.check([() => this.eventStore.check(), () => this.views.check()]);
  }
}
