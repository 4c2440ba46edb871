import { Module } from '@nestjs/common';
import { LedgerConfigModule } from '@samen/config';
import { EventStoreModule } from '@samen/event-store';

/** What operator commands need: the validated configuration and the event store. */
@Module({ imports: [LedgerConfigModule, EventStoreModule] })
export class CliModule {}
