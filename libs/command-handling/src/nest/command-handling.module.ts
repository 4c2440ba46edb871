import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventBusBridge } from './event-bus-bridge';

/** The CQRS buses for every capability, with the store's events bridged onto the EventBus. */
@Global()
@Module({
  // rethrowUnhandled: a failing event handler must not be swallowed into a log line.
  imports: [CqrsModule.forRoot({ rethrowUnhandled: true })],
  providers: [EventBusBridge],
  exports: [CqrsModule],
})
export class CommandHandlingModule {}
