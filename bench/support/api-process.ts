import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TokenStore } from '@samen/access';

/** A free-looking port for a benchmark's API, away from the usual ones. */
export const benchPort = () => 20_000 + Math.floor(Math.random() * 20_000);

/**
 * The ledger-api in its own process, as production runs it (no demo data), on `dataDir`.
 * BENCH_CPU_PROFILE=<folder> writes a V8 CPU profile of it, to see where the time goes.
 */
export function startApiProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      ...(process.env.BENCH_TRACE_GC ? ['--trace-gc'] : []),
      '-r',
      '@swc-node/register',
      'apps/ledger-api/src/main.ts',
    ],
    {
      env: {
        ...process.env,
        PORT: String(port),
        LEDGER_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        // A benchmark is one client on purpose; the per-principal write limit would measure itself.
        LEDGER_WRITE_LIMIT: '1000000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/health`);
        resolve(child);
      } catch {
        if (Date.now() > deadline) reject(new Error('ledger-api did not start'));
        else setTimeout(poll, 200);
      }
    };
    void poll();
  });
}

export async function stopApiProcess(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Resident memory now and at its peak, in MiB, from /proc. */
export async function residentMemoryMiB(pid: number): Promise<{ now: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

/** A programme-team token for the benchmark's requests, issued as `ledger-cli token issue` does. */
export function benchToken(dataDir: string): Record<string, string> {
  const tokens = new TokenStore(join(dataDir, 'access.db'));
  try {
    return { authorization: `Bearer ${tokens.issue({ kind: 'programme-team', id: 'bench' }, 'bench', 1).token}` };
  } finally {
    tokens.close();
  }
}
