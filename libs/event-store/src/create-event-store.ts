import { SqliteEventStore } from './embedded/sqlite-event-store';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';

export type EventStoreSettings =
  | { readonly kind: 'embedded'; readonly file: string }
  | { readonly kind: 'kurrentdb'; readonly connectionString: string };

/** The one place that turns configuration into an adapter. */
export function createEventStore(settings: EventStoreSettings): EventStore {
  switch (settings.kind) {
    case 'embedded':
      return new SqliteEventStore({ file: settings.file });
    case 'kurrentdb':
      return new KurrentDbEventStore({ connectionString: settings.connectionString });
    default: {
      const unreachable: never = settings;
      return unreachable;
    }
  }
}

/** Connection-string schemes that select the KurrentDB adapter. */
export const KURRENTDB_SCHEMES = ['kurrentdb://', 'kurrentdb+discover://', 'esdb://', 'esdb+discover://'] as const;
