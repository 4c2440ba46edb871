import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LedgerConfigModule, ledgerConfig, type LedgerConfigType } from '@samen/config';
import { EventStoreModule } from '@samen/event-store';
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
    HealthModule,
  ],
})
export class AppModule {}
