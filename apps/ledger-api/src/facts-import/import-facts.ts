import { readFile } from 'node:fs/promises';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { internalRequestHeaders } from '@samen/access';
import { describeProblem, planFacts, type FactProblem, type PlannedFact } from './facts-file';

export interface ImportReport {
  readonly file: string;
  readonly facts: number;
  /** Facts recorded by this run. */
  readonly written: number;
  /** Facts an earlier run had recorded already, and were skipped. */
  readonly alreadyPresent: number;
}

/**
 * A fact the ledger refused midway (a broken rule, an unknown party): everything before it is
 * recorded and nothing after it, and running the import again after a fix resumes there.
 */
export class FactImportHaltedError extends Error {
  constructor(
    readonly report: ImportReport,
    readonly problem: FactProblem,
  ) {
    super(
      [
        describeProblem(report.file, problem),
        `Recorded before line ${problem.line}: ${report.written} new, ${report.alreadyPresent} already present; nothing after it.`,
        'Fix the line and import again: what is recorded is skipped. / Herstel de regel en importeer opnieuw.',
      ].join('\n'),
    );
  }
}

interface Answer {
  replayed?: boolean;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/**
 * Records every fact of a facts file through the API's own endpoints, in file order. Each
 * line carries an idempotency key from its content, so a second run writes nothing.
 */
export async function importFactsFile(app: NestFastifyApplication, file: string): Promise<ImportReport> {
  const plan = planFacts(await readFile(file, 'utf8'), file);
  await app.init();
  // The import reports in one line; a log line per fact would bury everything else.
  const log = app.getHttpAdapter().getInstance().log;
  const level = log.level;
  log.level = 'warn';
  try {
    return await recordInOrder(app, file, plan);
  } finally {
    log.level = level;
  }
}

async function recordInOrder(app: NestFastifyApplication, file: string, plan: PlannedFact[]): Promise<ImportReport> {
  let written = 0;
  let alreadyPresent = 0;
  for (const fact of plan) {
    const response = await app.inject({
      method: 'POST',
      url: fact.url,
      payload: fact.body,
      headers: {
        ...internalRequestHeaders(),
        'idempotency-key': fact.idempotencyKey,
        'x-correlation-id': 'facts-import',
      },
    });
    const answer = response.json<Answer>();
    if (response.statusCode !== 201) {
      const [first] = answer.errors ?? [];
      const problem = first
        ? { line: fact.line, field: first.field, message: first.message }
        : { line: fact.line, message: `${fact.fact} refused (${response.statusCode}): ${answer.detail}` };
      throw new FactImportHaltedError({ file, facts: plan.length, written, alreadyPresent }, problem);
    }
    if (answer.replayed) alreadyPresent += 1;
    else written += 1;
  }
  return { file, facts: plan.length, written, alreadyPresent };
}
