import { SqliteEventStore } from './embedded/sqlite-event-store';
import type { EventStore } from './event-store.port';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';

export type EventStoreSettings =
  | { readonly kind: 'embedded'; readonly file: string }
  | { readonly kind: 'kurrentdb'; readonly connectionString: string }
  | { readonly kind: 'postgres'; readonly connectionString: string };

/**
 * The one place that turns configuration into an adapter. It resolves once the store is
 * ready to use: a PostgreSQL database is reached and its schema created or checked first,
 * so a database from a newer version stops the start rather than the first request.
 */
export async function createEventStore(settings: EventStoreSettings): Promise<EventStore> {
  switch (settings.kind) {
    case 'embedded':
      return new SqliteEventStore({ file: settings.file });
    case 'kurrentdb':
      return new KurrentDbEventStore({ connectionString: settings.connectionString });
    case 'postgres':
      return PostgresEventStore.open({ connectionString: settings.connectionString });
    default: {
      const unreachable: never = settings;
      return unreachable;
    }
  }
}

/** Connection-string schemes that select the KurrentDB adapter. */
export const KURRENTDB_SCHEMES = ['kurrentdb://', 'kurrentdb+discover://', 'esdb://', 'esdb+discover://'] as const;
/** Connection-string schemes that select the PostgreSQL adapter. */
export const POSTGRES_SCHEMES = ['postgres://', 'postgresql://'] as const;
