import { Module } from '@nestjs/common';
import { LedgerConfigModule } from '@samen/config';
import { CommandHandlingModule } from '@samen/command-handling';
import { EventStoreModule } from '@samen/event-store';
import { AttendanceModule } from '@samen/attendance';
import { CommitmentsModule } from '@samen/commitments';
import { MoneyModule } from '@samen/money';
import { ReflectionsModule } from '@samen/reflections';
import { RolesModule } from '@samen/roles';
import { StructureModule } from '@samen/structure';
import { ViewsModule } from '@samen/views';
import { AccessModule } from '@samen/access';
import { WebModule } from '@samen/web';
import { AuditController } from './audit/audit.controller';
import { HistoryController } from './history/history.controller';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    LedgerConfigModule,
    EventStoreModule,
    AccessModule,
    CommandHandlingModule,
    HealthModule,
    StructureModule,
    RolesModule,
    AttendanceModule,
    CommitmentsModule,
    MoneyModule,
    ReflectionsModule,
    ViewsModule,
    WebModule,
  ],
  controllers: [HistoryController, AuditController],
})
export class AppModule {}
