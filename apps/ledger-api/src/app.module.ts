import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LedgerConfigModule, ledgerConfig, type LedgerConfigType } from '@samen/config';
import { CommandHandlingModule } from '@samen/command-handling';
import { EventStoreModule } from '@samen/event-store';
import { AttendanceModule } from '@samen/attendance';
import { CommitmentsModule } from '@samen/commitments';
import { MoneyModule } from '@samen/money';
import { RolesModule } from '@samen/roles';
import { StructureModule } from '@samen/structure';
import { HistoryController } from './history/history.controller';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    LedgerConfigModule,
    LoggerModule.forRootAsync({
      inject: [ledgerConfig.KEY],
      useFactory: (config: LedgerConfigType) => ({
        pinoHttp: {
          level: config.log.level,
          // Request bodies and auth headers never reach the log.
          redact: ['req.headers.authorization', 'req.headers.cookie'],
        },
      }),
    }),
    EventStoreModule,
    CommandHandlingModule,
    HealthModule,
    StructureModule,
    RolesModule,
    AttendanceModule,
    CommitmentsModule,
    MoneyModule,
  ],
  controllers: [HistoryController],
})
export class AppModule {}
