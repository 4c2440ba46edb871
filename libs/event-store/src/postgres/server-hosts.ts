import { Client, Pool } from 'pg';
import { isConnectionFailure } from './connection-failure';

/**
 * The servers a connection string names, and the pool of the one in use.
 *
 * libpq reads `postgres://user@primary:5432,standby:5432/ledger?target_session_attrs=read-write`
 * as "the first of these hosts that accepts writes"; `pg` reads one host only. So the hosts
 * are split here, each gets a connection string of its own, and the pool is opened on the
 * first host that answers `pg_is_in_recovery() = false`. After a connection failure (the
 * primary gone) or a refusal to write (a standby: SQLSTATE 25006), the hosts are asked
 * again in order, at most once per {@link RECHOOSE_MS}, and the pool moves to the one that
 * accepts writes now: the promoted standby after a failover. Until one does, every use fails
 * as unreachable (503), and nothing is written anywhere else.
 *
 * With one host (the usual case) there is nothing to choose: the pool stays on it.
 */
export class ServerHosts {
  /** One connection string per host, in the order given. */
  readonly candidates: readonly string[];
  private current: { url: string; pool: Pool };
  private choosing: Promise<void> | undefined;
  private lastChosen = -Infinity;
  private ended = false;

  constructor(
    connectionString: string,
    private readonly poolSize: number,
  ) {
    this.candidates = splitHosts(connectionString);
    this.current = this.open(this.candidates[0]);
  }

  get pool(): Pool {
    return this.current.pool;
  }

  /** A client of its own (a LISTEN connection) on the host in use. */
  newClient(): Client {
    return new Client({ connectionString: this.current.url });
  }

  /** Opens on the first host that accepts writes; with one host, does nothing. Throws what the last host threw. */
  async choose(): Promise<void> {
    if (this.candidates.length === 1) return;
    this.choosing ??= this.chooseNow().finally(() => {
      this.choosing = undefined;
      this.lastChosen = performance.now();
    });
    return this.choosing;
  }

  /** After a failed use: looks for the host that accepts writes now, in the background. */
  failed(error: unknown): void {
    if (this.candidates.length === 1 || this.ended) return;
    if (!isConnectionFailure(error) && !isReadOnly(error)) return;
    if (this.choosing || performance.now() - this.lastChosen < RECHOOSE_MS) return;
    this.choose().catch(() => undefined);
  }

  async end(): Promise<void> {
    this.ended = true;
    await this.choosing?.catch(() => undefined);
    await this.current.pool.end();
  }

  private async chooseNow(): Promise<void> {
    let failure: unknown = new Error('no host accepts writes');
    for (const url of this.candidates) {
      const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        const { rows } = await probe.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
        if (rows[0].standby) {
          failure = new Error(`${hostOf(url)} is a standby: it accepts no writes`);
          continue;
        }
        if (url !== this.current.url && !this.ended) {
          const previous = this.current;
          this.current = this.open(url);
          previous.pool.end().catch(() => undefined);
        }
        return;
      } catch (error) {
        failure = error;
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
    throw failure;
  }

  private open(url: string): { url: string; pool: Pool } {
    const pool = new Pool({ connectionString: url, max: this.poolSize });
    // An idle connection that the server drops must not crash the process; the pool opens another.
    pool.on('error', () => undefined);
    return { url, pool };
  }
}

/** How often, at most, the hosts are asked again after failures. */
export const RECHOOSE_MS = 200;

/** SQLSTATE 25006: a write sent to a server in recovery (a standby). */
export const isReadOnly = (error: unknown) => (error as { code?: unknown } | undefined)?.code === '25006';

/**
 * `postgres://u:p@a:1,b:2/db?x=y&target_session_attrs=read-write` as
 * `postgres://u:p@a:1/db?x=y` and `postgres://u:p@b:2/db?x=y`. `target_session_attrs` is
 * left out, since choosing the host that accepts writes is what this class does.
 */
export function splitHosts(connectionString: string): string[] {
  const match = /^([a-z]+:\/\/(?:[^@/]*@)?)([^/?#]*)(.*)$/i.exec(connectionString);
  if (!match) return [connectionString];
  const [, head, hosts, rest] = match;
  const tail = rest.replace(/([?&])target_session_attrs=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return hosts.split(',').map((host) => `${head}${host}${tail}`);
}

const hostOf = (url: string) => /^[a-z]+:\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(url)?.[1] ?? url;
