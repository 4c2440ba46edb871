import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The second lane's thread starts inside a rebuild's time: what it loads stays free of
 * NestJS and the KurrentDB client (with them: 1,481 modules and 0.6 s; without: 265, 0.1 s).
 */
describe("the views' second lane", () => {
  it('loads neither NestJS nor the KurrentDB client', () => {
    // The worker file itself, in a process of its own; without work it only fails to start,
    // which is caught here.
    const script = `
      process.on('unhandledRejection', () => {});
      require('./libs/views/src/runner/view-lane.worker.ts');
      const loaded = Object.keys(require.cache);
      const heavy = loaded.filter((file) => /node_modules\\/(@nestjs|@kurrent|@grpc|class-validator)\\//.test(file));
      console.log(JSON.stringify({ loaded: loaded.length, heavy }));
    `;
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: join(__dirname, '..', '..', '..', '..'),
      encoding: 'utf8',
    });
    const { loaded, heavy } = JSON.parse(run.stdout) as { loaded: number; heavy: string[] };
    expect(heavy).toEqual([]);
    expect(loaded).toBeGreaterThan(50);
    expect(loaded).toBeLessThan(400);
  });
});
