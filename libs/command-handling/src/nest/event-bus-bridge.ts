import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { Subscription } from 'rxjs';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { StoredEvent } from './stored-event';

/**
 * Publishes events on the CQRS EventBus from the store's own subscription, so an event is
 * published only once it is stored (never before, and never one that failed), in the
 * log's order, including events another process appended.
 */
@Injectable()
export class EventBusBridge implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store
      .subscribeToAll({ after: head })
      .subscribe((event) => this.eventBus.publish(new StoredEvent(event)));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
