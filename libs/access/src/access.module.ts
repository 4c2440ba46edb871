import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './nest/access.guard';
import { AUTHENTICATOR, BearerTokenAuthenticator } from './nest/authenticator';
import { SlidingWindowStorage } from './nest/sliding-window.storage';
import { WriteThrottlerGuard } from './nest/write-throttler.guard';
import { SessionStore } from './sessions/session-store';
import { TokenStore } from './tokens/token-store';

export const TOKEN_STORE = Symbol('TokenStore');
export const SESSION_STORE = Symbol('SessionStore');

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
      provide: TOKEN_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => new TokenStore(config.getOrThrow<string>('ledger.access.file')),
    },
    {
      provide: SESSION_STORE,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => new SessionStore(config.getOrThrow<string>('ledger.access.file')),
    },
    {
      provide: AUTHENTICATOR,
      inject: [TOKEN_STORE],
      useFactory: (tokens: TokenStore) => new BearerTokenAuthenticator(tokens),
    },
    // Order matters: the access guard names the principal the write limit counts by.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: WriteThrottlerGuard },
  ],
  exports: [TOKEN_STORE, SESSION_STORE, AUTHENTICATOR],
})
export class AccessModule implements OnApplicationShutdown {
  constructor(
    @Inject(TOKEN_STORE) private readonly tokens: TokenStore,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
  ) {}

  onApplicationShutdown(): void {
    this.sessions.close();
    this.tokens.close();
  }
}
