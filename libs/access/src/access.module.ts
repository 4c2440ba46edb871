import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './nest/access.guard';
import { AUTHENTICATOR, BearerTokenAuthenticator } from './nest/authenticator';
import { SlidingWindowStorage } from './nest/sliding-window.storage';
import { WriteThrottlerGuard } from './nest/write-throttler.guard';
import { EVENT_STORE, type EventStoreSettings } from '@samen/event-store';
import { PostgresAccess } from './postgres/postgres-access';
import { type AccessSessions, SessionStore } from './sessions/session-store';
import { type AccessTokens, TokenStore } from './tokens/token-store';

export const TOKEN_STORE = Symbol('TokenStore');
export const SESSION_STORE = Symbol('SessionStore');
const ACCESS_STORES = Symbol('AccessStores');

interface AccessStores {
  readonly tokens: AccessTokens;
  readonly sessions: AccessSessions;
}

/**
 * Where tokens and browser sessions are kept: beside the events in PostgreSQL, shared by
 * every instance on that database, or in the data folder's access file (ADR 0008, addendum).
 */
export async function openAccessStores(
  eventStore: EventStoreSettings,
  accessFile: string,
): Promise<AccessStores & { close(): Promise<void> }> {
  if (eventStore.kind === 'postgres') {
    const access = await PostgresAccess.open({ connectionString: eventStore.connectionString });
    return { tokens: access.tokens, sessions: access.sessions, close: () => access.close() };
  }
  const tokens = new TokenStore(accessFile);
  const sessions = new SessionStore(accessFile);
  return {
    tokens,
    sessions,
    close: async () => {
      sessions.close();
      tokens.close();
    },
  };
}

/** Who is asking, and whether they may: every request passes here first. */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        // Named 'default', the limit is announced in the standard Retry-After header (any
        // other name gets a suffix, e.g. Retry-After-writes, which clients do not read).
        throttlers: [
          { name: 'default', ttl: 10_000, limit: config.getOrThrow<number>('ledger.access.writesPer10Seconds') },
        ],
        storage: new SlidingWindowStorage(),
      }),
    }),
  ],
  providers: [
    {
      provide: ACCESS_STORES,
      // After the event store: on PostgreSQL it has waited for the server and prepared the schema.
      inject: [ConfigService, EVENT_STORE],
      useFactory: (config: ConfigService) =>
        openAccessStores(
          config.getOrThrow<EventStoreSettings>('ledger.eventStore'),
          config.getOrThrow<string>('ledger.access.file'),
        ),
    },
    { provide: TOKEN_STORE, inject: [ACCESS_STORES], useFactory: (stores: AccessStores) => stores.tokens },
    { provide: SESSION_STORE, inject: [ACCESS_STORES], useFactory: (stores: AccessStores) => stores.sessions },
    {
      provide: AUTHENTICATOR,
      inject: [TOKEN_STORE],
      useFactory: (tokens: AccessTokens) => new BearerTokenAuthenticator(tokens),
    },
    // Order matters: the access guard names the principal the write limit counts by.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: WriteThrottlerGuard },
  ],
  exports: [TOKEN_STORE, SESSION_STORE, AUTHENTICATOR],
})
export class AccessModule implements OnApplicationShutdown {
  constructor(@Inject(ACCESS_STORES) private readonly stores: AccessStores & { close(): Promise<void> }) {}

  async onApplicationShutdown(): Promise<void> {
    await this.stores.close();
  }
}
