import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort, isAlive, serverUser } from './postgres-cluster';

const run = promisify(execFile);

/**
 * A primary and a streaming-replication standby of a test's own, from the Debian packages
 * (docs/operations.md, "PostgreSQL with a standby", describes the same set-up): the standby
 * made by `pg_basebackup -R`, the primary committing only once the standby has the WAL
 * (`synchronous_standby_names = '*'`, `synchronous_commit = on`).
 */
export interface ReplicatedPair {
  /** Both hosts, primary first, as libpq's multi-host form: the store uses the one that accepts writes. */
  readonly url: string;
  readonly primaryUrl: string;
  readonly standbyUrl: string;
  /** SIGKILL to the primary's postmaster and every process of it, as a crash of its machine. */
  killPrimary(): Promise<void>;
  /** `pg_ctl promote` on the standby; resolves once it accepts writes. */
  promote(): Promise<void>;
  /** The lines of the server logs, for a failure's message. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startReplicatedPair(bin: string): Promise<ReplicatedPair> {
  const dir = mkdtempSync(join('/tmp', 'samen-ledger-pg-pair-'));
  const prefix = serverUser(dir);
  const tool = (name: string, args: string[]) => {
    const [command, ...rest] = [...prefix, join(bin, name), ...args];
    return run(command, rest, { timeout: 60_000 });
  };
  const primary = join(dir, 'primary');
  const standby = join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const pids: number[] = [];
  const start = async (data: string, port: number, name: string) => {
    await tool('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, `${name}.log`),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c cluster_name=${name}`,
      'start',
    ]);
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    pids.push(pid);
    return pid;
  };
  const url = (port: number) => `postgres://ledger@127.0.0.1:${port}/ledger`;
  const logs = () =>
    ['primary', 'standby']
      .map((name) => join(dir, `${name}.log`))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
  const stop = async () => {
    for (const data of [standby, primary]) {
      if (existsSync(join(data, 'postmaster.pid'))) {
        await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '10', 'stop']).catch(() => undefined);
      }
    }
    for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await tool('initdb', ['-D', primary, '-U', 'ledger', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const primaryPid = await start(primary, primaryPort, 'primary');
    await asAdmin(url(primaryPort).replace(/ledger$/, 'postgres'), (client) => client.query('CREATE DATABASE ledger'));
    // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    await tool('pg_basebackup', [
      '-D',
      standby,
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'ledger',
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    await start(standby, standbyPort, 'standby');
    await asAdmin(url(primaryPort), async (client) => {
      await client.query("ALTER SYSTEM SET synchronous_standby_names = '*'");
      await client.query('ALTER SYSTEM SET synchronous_commit = on');
      await client.query('SELECT pg_reload_conf()');
      for (let i = 0; ; i += 1) {
        const { rows } = await client.query<{ sync_state: string }>('SELECT sync_state FROM pg_stat_replication');
        if (rows.some((row) => row.sync_state === 'sync')) return;
        if (i > 300) throw new Error(`the standby never became synchronous: ${JSON.stringify(rows)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    return {
      url: `postgres://ledger@127.0.0.1:${primaryPort},127.0.0.1:${standbyPort}/ledger?target_session_attrs=read-write`,
      primaryUrl: url(primaryPort),
      standbyUrl: url(standbyPort),
      async killPrimary() {
        // The postmaster's children are found first: once it is gone they are orphans.
        const children = childrenOf(primaryPid);
        process.kill(primaryPid, 'SIGKILL');
        for (const pid of children) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
        for (let i = 0; i < 100 && [primaryPid, ...children].some(isAlive); i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      async promote() {
        await tool('pg_ctl', ['-D', standby, '-w', '-t', '60', 'promote']);
      },
      logs,
      stop,
    };
  } catch (error) {
    const log = logs();
    await stop();
    throw new Error(`could not start a primary and a standby: ${(error as Error).message}\n${log}`);
  }
}

async function asAdmin<T>(connectionString: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Process ids whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are split.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while it was read.
    }
  }
  return children;
}
