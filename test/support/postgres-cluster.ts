import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** A PostgreSQL server of a test's own, in a temporary directory, on a free loopback port. */
export interface PostgresCluster {
  /** The postmaster's process id, by which it is stopped. */
  readonly pid: number;
  /** A fresh, empty database on the cluster: its connection string. */
  newDatabase(): Promise<string>;
  /** Stops the server as a crash would: every process quits at once, nothing is flushed or checkpointed. */
  crash(): Promise<void>;
  /** Starts the server again on the same port after {@link crash}; it recovers from the WAL. */
  restart(): Promise<void>;
  /** Stops the server at once (as a crash would), kills it if it lingers, and removes its directory. */
  stop(): Promise<void>;
}

export const POSTGRES_INSTALL_HINT = 'apt-get install -y postgresql';

/** The folder of Debian's newest PostgreSQL binaries (initdb, pg_ctl), or undefined where none is installed. */
export function findPostgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

/**
 * initdb and pg_ctl in a mkdtemp directory, the server listening on 127.0.0.1 and on a
 * unix socket inside that directory, so it meets no other server on this machine.
 * PostgreSQL refuses to run as root: as root (this machine, CI), the directory is given to
 * the `postgres` user that Debian's package creates, and the tools run as that user.
 * fsync stays on: the adapter's durability is part of what is tested.
 */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  // As root the server's user must reach the directory: /tmp is open to every user, where
  // a TMPDIR below root's home may not be.
  const dir = mkdtempSync(join(process.getuid?.() === 0 ? '/tmp' : tmpdir(), 'samen-ledger-pg-'));
  const data = join(dir, 'data');
  const prefix = serverUser(dir);
  const tool = (name: string, args: string[]) => {
    const [command, ...rest] = [...prefix, join(bin, name), ...args];
    return run(command, rest, { timeout: 60_000 });
  };
  let pid: number | undefined;
  try {
    // --no-sync only for initdb's own files: a throwaway cluster need not survive a crash of this machine.
    await tool('initdb', ['-D', data, '-U', 'ledger', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const start = async () => {
      await tool('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
        'start',
      ]);
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    };
    pid = await start();
    const url = (database: string) => `postgres://ledger@127.0.0.1:${port}/${database}`;
    let databases = 0;
    return {
      get pid() {
        return pid!;
      },
      async crash() {
        await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '10', 'stop']);
      },
      async restart() {
        pid = await start();
      },
      async newDatabase() {
        databases += 1;
        const name = `ledger_${databases}`;
        const admin = new Client({ connectionString: url('postgres') });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${name}`);
        } finally {
          await admin.end();
        }
        return url(name);
      },
      stop: () => stopCluster(tool, data, pid!, dir),
    };
  } catch (error) {
    if (pid !== undefined) await stopCluster(tool, data, pid, dir);
    else rmSync(dir, { recursive: true, force: true });
    const log = join(dir, 'server.log');
    throw new Error(
      `could not start a PostgreSQL cluster: ${(error as Error).message}${existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : ''}`,
    );
  }
}

async function stopCluster(
  tool: (name: string, args: string[]) => Promise<unknown>,
  data: string,
  pid: number,
  dir: string,
): Promise<void> {
  await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '10', 'stop']).catch(() => undefined);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}

/** The command prefix that runs a tool as the server's user: none unless this process is root. */
export function serverUser(dir: string): string[] {
  if (process.getuid?.() !== 0) return [];
  const [, uid, gid] = /^postgres:[^:]*:(\d+):(\d+):/m.exec(readFileSync('/etc/passwd', 'utf8')) ?? [];
  if (uid === undefined) {
    throw new Error(
      `PostgreSQL refuses to run as root and there is no postgres user (${POSTGRES_INSTALL_HINT} creates one)`,
    );
  }
  chownSync(dir, Number(uid), Number(gid));
  return ['runuser', '-u', 'postgres', '--'];
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A describe block with a cluster of its own, started before its tests and stopped after.
 * Where PostgreSQL is not installed it prints one line with the command that installs it
 * and skips, except in CI (`CI` set), where .ci/run installs it and its absence is a failure.
 */
export function describeWithPostgres(name: string, body: (cluster: () => PostgresCluster) => void): void {
  const bin = findPostgresBinaries();
  if (!bin) {
    const reason = `PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install it with: ${POSTGRES_INSTALL_HINT}`;
    if (process.env.CI) {
      describe(name, () => {
        it('needs PostgreSQL in CI', () => {
          throw new Error(reason);
        });
      });
      return;
    }
    process.stdout.write(`${name}: skipped, ${reason}\n`);
    describe.skip(`${name}: ${reason}`, () => body(() => undefined as never));
    return;
  }
  describe(name, () => {
    let cluster: PostgresCluster | undefined;
    beforeAll(async () => {
      cluster = await startPostgresCluster(bin);
    }, 90_000);
    afterAll(async () => {
      await cluster?.stop();
    });
    body(() => {
      if (!cluster) throw new Error('the PostgreSQL cluster did not start');
      return cluster;
    });
  });
}

/** A plain connection to a database, as an operator (or an attacker) has one, for one piece of work. */
export async function asOperatorOn<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
