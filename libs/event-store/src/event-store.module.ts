import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createEventStore, type EventStoreSettings } from './create-event-store';
import type { EventStore } from './event-store.port';

/** Injection token for the {@link EventStore} port. */
export const EVENT_STORE = Symbol('EventStore');

/**
 * Provides the configured adapter as {@link EVENT_STORE} and closes it last on shutdown,
 * after the HTTP server has stopped taking requests, so no acknowledged append is cut off.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService): Promise<EventStore> =>
        createEventStore(config.getOrThrow<EventStoreSettings>('ledger.eventStore')),
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
