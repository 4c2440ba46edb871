import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EventStoreSettings } from '@samen/event-store';
import { CommitmentsController } from './commitments/commitments.controller';
import { ContinuityController } from './continuity/continuity.controller';
import { HandoversController } from './handovers/handovers.controller';
import { VIEWS_VERSION } from './ledger-views';
import { MoneyController } from './money/money.controller';
import { PresenceController } from './presence/presence.controller';
import { PublishedController } from './public/published.controller';
import { ReflectionsController } from './reflections/reflections.controller';
import { VIEW_LANES, VIEW_STATE_STORE, ViewRunner, type ViewLanes } from './runner/view-runner';
import { ViewStateStore } from './runner/view-state-store';
import { TimelineController } from './timeline/timeline.controller';

@Module({
  controllers: [
    PresenceController,
    PublishedController,
    CommitmentsController,
    MoneyController,
    ContinuityController,
    HandoversController,
    TimelineController,
    ReflectionsController,
  ],
  providers: [
    {
      provide: VIEW_STATE_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new ViewStateStore(config.getOrThrow<string>('ledger.views.file'), VIEWS_VERSION),
    },
    {
      provide: VIEW_LANES,
      inject: [ConfigService],
      // Only where positions count facts: a KurrentDB position is an offset in its files.
      useFactory: (config: ConfigService): ViewLanes | undefined => {
        const settings = config.getOrThrow<EventStoreSettings>('ledger.eventStore');
        if (settings.kind !== 'embedded') return undefined;
        return { file: settings.file, from: BigInt(config.getOrThrow<number>('ledger.views.twoLanesFrom')) };
      },
    },
    ViewRunner,
  ],
  exports: [ViewRunner],
})
export class ViewsModule {}
