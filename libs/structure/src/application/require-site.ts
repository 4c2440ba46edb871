import { loadState } from '@samen/command-handling';
import type { EventStore } from '@samen/event-store';
import { NotFoundError } from '@samen/ledger-kernel';
import { programmeDecider, programmeStream } from '../domain/programme';

/** Refuses a command naming a programme that does not exist or a site that is not in it. */
export async function requireSite(store: EventStore, programmeId: string, siteId: string | undefined): Promise<void> {
  const programme = await loadState(store, programmeStream(programmeId), programmeDecider);
  if (programme.status === 'none') throw new NotFoundError('programme', programmeId);
  if (siteId !== undefined && !programme.sites[siteId]) throw new NotFoundError('site', siteId);
}
