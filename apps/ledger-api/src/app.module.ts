import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { LedgerConfigModule, type LedgerConfig } from '@samen/config';
import { EventStoreModule } from '@samen/event-store';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    LedgerConfigModule,
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<LedgerConfig, true>) => ({
        pinoHttp: {
          level: config.get('log.level', { infer: true }),
          // Request bodies and auth headers never reach the log.
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          autoLogging: { ignore: (req) => req.url === '/health' },
        },
      }),
    }),
    EventStoreModule,
    HealthModule,
  ],
})
export class AppModule {}
