import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@samen/event-store';

const PROBE_TIMEOUT_MS = 2000;

/** Up when the store answers for its head position within two seconds. */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'eventStore') {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const head = await Promise.race([
        this.store.headPosition(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
        }),
      ]);
      return indicator.up({ adapter: this.store.kind, headPosition: head?.toString() ?? null });
    } catch (error) {
      return indicator.down({ adapter: this.store.kind, message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
