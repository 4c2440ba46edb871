import { DatabaseError, type Pool, type PoolClient } from 'pg';
import { EventStoreError, StoreUnreachableError } from '../errors';

/**
 * Whether an error from `pg` means that the server could not be reached or that the
 * connection broke, rather than that the server refused a statement. A refusal comes as a
 * DatabaseError with an SQLSTATE; of those, only the classes about the connection count
 * (08 connection exception, 57P01–57P03 shutting down or starting up, 53300 too many
 * connections), and 25006, a write sent to a standby (during a failover, until the store
 * has moved to the promoted server). Anything else `pg` throws during a query (a refused or reset socket, a
 * connection that ended, a client no longer queryable) is about the connection. (Socket
 * errors come from Node's own realm, so `instanceof Error` cannot tell them apart.)
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseError) return /^(08|57P0[123]|53300|25006)/.test(error.code ?? '');
  return !(error instanceof EventStoreError);
}

/** A connection string fit for a message or a log: the password is left out. */
export const withoutPassword = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/**
 * A connection failure as the port's {@link StoreUnreachableError}, which the API answers
 * with 503; any other error unchanged.
 */
export function asUnreachable(error: unknown, connectionString: string, consequence = ''): unknown {
  if (!isConnectionFailure(error)) return error;
  return new StoreUnreachableError(
    `PostgreSQL at ${withoutPassword(connectionString)} cannot be used: ${describe(error)}${consequence}`,
  );
}

/** An error's message, or its code where it has none (an AggregateError of refused addresses). */
function describe(error: unknown): string {
  const { message, code } = (error ?? {}) as { message?: string; code?: string };
  return message || code || String(error);
}

/**
 * A client from the pool that a dropped connection cannot crash the process with. pg-pool
 * takes its own 'error' listener off a client while it is checked out, so a server killed
 * during a transaction would emit an unhandled 'error'; the failure reaches the query in
 * flight anyway, as a rejection.
 */
export async function checkOut(pool: Pool): Promise<PoolClient> {
  const client = await pool.connect();
  const ignore = () => undefined;
  client.on('error', ignore);
  const release = client.release.bind(client);
  client.release = (destroy?: boolean | Error) => {
    client.off('error', ignore);
    release(destroy);
  };
  return client;
}
