import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
let built = false;

/**
 * A module of the ledger as `npm start` runs it: compiled (`npm run build`, once per
 * benchmark run), not from the TypeScript sources. From the sources every worker thread
 * would first compile what it loads, 0.4–0.6 s for the views' second lane, which the
 * product never pays. `path` is the module's source path without its extension.
 */
export async function compiledModule<T>(path: string): Promise<T> {
  if (!built) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    built = true;
  }
  return (await import(join(ROOT, 'dist', path))) as T;
}
