/**
 * autocannon in a process of its own, asking a fixed list of GET paths in turn: the clients
 * then share the machine with the API but not a heap (or its garbage collector) with the
 * benchmark that built a million facts' views. Options as JSON in argv[2]; the result as
 * JSON on stdout.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
  readonly paths: readonly string[];
}

export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly failed: number;
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
}

/** Runs the clients in a child process and waits for their figures. */
export function runLoadClient(options: LoadOptions): Promise<LoadResult> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', __filename, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load client exited with ${code}`)),
    ),
  );
}

async function main(options: LoadOptions): Promise<void> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    requests: options.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  const figures: LoadResult = {
    requests: result.requests.total,
    perSecond: result.requests.average,
    failed: result.non2xx + result.errors,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
  process.stdout.write(JSON.stringify(figures));
}

if (require.main === module) void main(JSON.parse(process.argv[2]) as LoadOptions);
