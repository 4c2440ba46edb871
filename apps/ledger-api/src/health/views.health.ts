import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { ViewRunner } from '@samen/views';

/**
 * How far the views are behind the head of the log. Down only when they stopped; being
 * behind while catching up is normal and shown as a number (positions on the embedded and
 * PostgreSQL stores count events; KurrentDB's do not, so there only the two positions are shown).
 */
@Injectable()
export class ViewsHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ViewRunner,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'views') {
    const indicator = this.health.check(key);
    const { position, failed } = this.runner.status();
    const head = await this.store.headPosition();
    const details = {
      position: position?.toString() ?? null,
      headPosition: head?.toString() ?? null,
      ...(this.store.kind !== 'kurrentdb' && { eventsBehind: Number((head ?? 0n) - (position ?? 0n)) }),
    };
    return failed ? indicator.down({ ...details, message: failed }) : indicator.up(details);
  }
}
