import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { VIEWS_VERSION } from './ledger-views';
import { PresenceController } from './presence/presence.controller';
import { VIEW_STATE_STORE, ViewRunner } from './runner/view-runner';
import { ViewStateStore } from './runner/view-state-store';

@Module({
  controllers: [PresenceController],
  providers: [
    {
      provide: VIEW_STATE_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new ViewStateStore(config.getOrThrow<string>('ledger.views.file'), VIEWS_VERSION),
    },
    ViewRunner,
  ],
  exports: [ViewRunner],
})
export class ViewsModule {}
