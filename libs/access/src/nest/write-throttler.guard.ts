import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { describePrincipal } from '../domain/principal';
import type { RequestWithPrincipal } from './access.guard';

/**
 * Limits writes per principal (per address for the anonymous, who may not write anyway), so
 * one client cannot crowd out the others. Reads are answered from memory and not limited.
 */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal & { method: string }>();
    return (
      request.method !== 'POST' ||
      (request.principal?.kind === 'programme-team' && request.principal.id.startsWith('system:'))
    );
  }

  /** One budget per principal across every write route (the library's default is per route). */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal } = request as unknown as RequestWithPrincipal;
    return principal && principal.kind !== 'anonymous' ? describePrincipal(principal) : String(request.ip);
  }
}
