import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemoIfEmpty } from '../../apps/ledger-api/src/facts-import/demo';
import { runCli } from '../../apps/ledger-cli/src/run-cli';
import { startLedgerApi, type LedgerApi } from '../support/ledger-api';

/**
 * docs/demo.md promises answers; this runs every request and command in it on a fresh
 * ledger loaded with the demo, and checks the answer printed below it, so the document
 * cannot go stale. In the document, a ```http block (one GET) or a ```sh block that is one
 * `npm run cli -- …` is followed by its answer: ```json (an excerpt: every field shown
 * must match; each element of a shown list must match some element of the real one) or
 * ```text (lines that must appear in the output).
 */
interface Check {
  readonly line: number;
  readonly kind: 'http' | 'sh';
  readonly request: string;
  readonly answerKind: 'json' | 'text';
  readonly answer: string;
}

const DOC = join(__dirname, '..', '..', 'docs', 'demo.md');

function checksIn(markdown: string): Check[] {
  const blocks = [...markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({
    lang: match[1],
    body: match[2].trim(),
    line: markdown.slice(0, match.index).split('\n').length,
  }));
  const checks: Check[] = [];
  blocks.forEach((block, i) => {
    const isCheck = block.lang === 'http' || (block.lang === 'sh' && block.body.startsWith('npm run cli -- '));
    if (!isCheck) return;
    const answer = blocks[i + 1];
    if (!answer || (answer.lang !== 'json' && answer.lang !== 'text')) {
      throw new Error(`docs/demo.md:${block.line}: a ${block.lang} block must be followed by its answer`);
    }
    checks.push({
      line: block.line,
      kind: block.lang as Check['kind'],
      request: block.body,
      answerKind: answer.lang as Check['answerKind'],
      answer: answer.body,
    });
  });
  return checks;
}

/** Every field shown matches; every element of a shown list matches some element of the real list. */
function mismatch(actual: unknown, shown: unknown, path = '$'): string | undefined {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return `${path}: expected a list, got ${JSON.stringify(actual)}`;
    for (const [i, element] of shown.entries()) {
      if (!actual.some((candidate) => mismatch(candidate, element) === undefined)) {
        return `${path}[${i}]: no element matches ${JSON.stringify(element)}`;
      }
    }
    return undefined;
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object')
      return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(shown)) {
      const problem = mismatch((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  }
  return Object.is(actual, shown)
    ? undefined
    : `${path}: expected ${JSON.stringify(shown)}, got ${JSON.stringify(actual)}`;
}

describe('docs/demo.md', () => {
  const checks = checksIn(readFileSync(DOC, 'utf8'));
  let api: LedgerApi & { dataDir: string };

  beforeAll(async () => {
    api = await startLedgerApi();
    await loadDemoIfEmpty(api.app);
    const head = await api.store.headPosition();
    // The views follow the log; the first question waits until they hold all of the demo.
    await api.get(`/views/presence?minPosition=${head}`);
  }, 120_000);
  afterAll(() => api.close());

  it('has questions for every user of the domain design', () => {
    expect(checks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(checksIn(readFileSync(DOC, 'utf8')).map((check) => [`line ${check.line}: ${check.request}`, check] as const))(
    '%s',
    async (_, check) => {
      let output: string;
      if (check.kind === 'http') {
        const [method, path] = check.request.split(/\s+/);
        expect(method).toBe('GET');
        // The token `npm start` prints is the programme team's; public paths need none, and get none.
        const headers = path.startsWith('/public/') ? {} : api.auth;
        const response = await fetch(`${api.base}${path}`, { headers });
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        output = await response.text();
      } else {
        const argv = check.request.replace(/^npm run cli -- /, '').split(/\s+/);
        const lines: string[] = [];
        process.env.LEDGER_DATA_DIR = api.dataDir;
        expect(
          await runCli(
            argv,
            (l) => lines.push(l),
            (l) => lines.push(l),
          ),
        ).toBe(0);
        output = lines.join('\n');
      }
      if (check.answerKind === 'json') {
        expect(mismatch(JSON.parse(output), JSON.parse(check.answer))).toBeUndefined();
      } else {
        for (const line of check.answer.split('\n')) expect(output).toContain(line.trim());
      }
    },
  );
});
