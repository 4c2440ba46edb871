import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createEventStore, type EventStoreSettings } from './create-event-store';
import type { EventStore } from './event-store.port';
import { openWithRetry, START_RETRY_DELAYS_MS } from './open-with-retry';

/** Injection token for the {@link EventStore} port. */
export const EVENT_STORE = Symbol('EventStore');

/**
 * Provides the configured adapter as {@link EVENT_STORE} and closes it last on shutdown,
 * after the HTTP server has stopped taking requests, so no acknowledged append is cut off.
 * A database server that cannot be reached at start is waited for, with back-off, saying so.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService): Promise<EventStore> => {
        const settings = config.getOrThrow<EventStoreSettings>('ledger.eventStore');
        // Nest prints nothing until the application exists (create-app.ts), so the wait is
        // told on standard error, as main.ts tells a failed start.
        return openWithRetry(
          () => createEventStore(settings),
          START_RETRY_DELAYS_MS,
          (failure, delayMs) =>
            process.stderr.write(
              `samen-ledger is waiting for its event store: ${failure.message}; trying again in ${delayMs / 1000} s\n`,
            ),
        );
      },
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.store.close();
    this.logger.log(`Event store closed${signal ? ` on ${signal}` : ''}; every acknowledged append is stored.`);
  }
}
