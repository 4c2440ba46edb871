import { ForbiddenError, mayReadProgramme, type Principal } from '@samen/access';
import { ValidationError } from '@samen/ledger-kernel';
import { programmesOfParty } from '../participation/participation';
import type { ViewRunner } from '../runner/view-runner';

/** The programmes a principal reads, of those the ledger holds, in the ledger's order. */
export function readableProgrammes(runner: ViewRunner, principal: Principal | undefined): string[] {
  const all = runner.peek((views) => [...views.directory.programmes.keys()]);
  if (principal?.kind !== 'party-member') return all;
  const taking = runner.remembered(`participation:${principal.partyId}`, (views) =>
    programmesOfParty(views, principal.partyId),
  );
  return all.filter((programmeId) => mayReadProgramme(principal, programmeId, taking));
}

/**
 * A member of a party reads only the programmes its party takes part in: a question about
 * another programme is refused (403), and where the ledger holds programmes the party is not
 * in, a question must name its programme (400 listing the ones it may ask about).
 */
export function requireProgrammeScope(
  runner: ViewRunner,
  principal: Principal | undefined,
  programmeId: string | undefined,
): void {
  if (principal?.kind !== 'party-member') return;
  const readable = readableProgrammes(runner, principal);
  if (programmeId !== undefined) {
    if (!readable.includes(programmeId)) throw new ForbiddenError();
    return;
  }
  const all = runner.peek((views) => views.directory.programmes.size);
  if (readable.length < all) {
    throw new ValidationError([
      {
        field: 'programmeId',
        message: `required for a member of a party in a ledger of several programmes: one of ${readable.join(', ') || '(none)'}`,
      },
    ]);
  }
}
