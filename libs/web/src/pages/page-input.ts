import type { EventStore } from '@samen/event-store';
import type { LedgerViews } from '@samen/views';
import type { PageContext } from '../page-context';
import type { PersonLabels } from '../person-labels';

/** What every page is drawn from: who asks and how, the views, the log (for names and notes), and now. */
export interface PageInput {
  readonly context: PageContext;
  readonly views: LedgerViews;
  readonly store: EventStore;
  readonly now: number;
  /** People a form offers to choose from, labelled as the reader may see them. */
  readonly people?: PersonLabels;
  /**
   * A view's answer remembered until the log moves (`ViewRunner.remembered`): the key must
   * name the question whole (its filters and time window), never the reader.
   */
  readonly remember: <T>(key: string, compute: () => T) => T;
  /** What a form is about: the commitment to fulfil, the role handed over. */
  readonly subject?: string;
}

/** The programme a page is about: the one asked for, else the first the ledger knows. */
export function programmeOf(input: PageInput) {
  const { programmeId } = input.context.state;
  const programmes = [...input.views.directory.programmes.values()];
  return programmeId ? input.views.directory.programmes.get(programmeId) : programmes[0];
}

/** The date control's range: the programme's first day to its last (or today). */
export function timeRange(input: PageInput): { first?: string; last?: string } {
  const programme = programmeOf(input);
  if (!programme) return {};
  const today = new Date(input.now).toISOString().slice(0, 10);
  return { first: programme.startsOn, last: programme.endsOn && programme.endsOn < today ? programme.endsOn : today };
}
