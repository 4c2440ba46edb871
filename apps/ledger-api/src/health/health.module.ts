import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ViewsModule } from '@samen/views';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';
import { ViewsHealthIndicator } from './views.health';

@Module({
  imports: [TerminusModule, ViewsModule],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ViewsHealthIndicator],
})
export class HealthModule {}
