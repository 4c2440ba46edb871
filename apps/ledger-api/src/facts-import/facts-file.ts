import { createHash } from 'node:crypto';
import { ID_PATTERN } from '@samen/command-handling';
import { ValidationError } from '@samen/ledger-kernel';
import { parseJsonBody } from '../http/json-body';
import { LedgerValidationPipe } from '../http/validation';
import { FACT_ROUTES, isFactName, pathParameters, type FactName } from './fact-routes';

/** One fact of a facts file, checked and ready to send to the endpoint that records it. */
export interface PlannedFact {
  readonly line: number;
  readonly fact: FactName;
  readonly url: string;
  readonly body: Record<string, unknown>;
  /** Derived from the line's content: importing the same line again records nothing new. */
  readonly idempotencyKey: string;
}

export interface FactProblem {
  readonly line: number;
  readonly field?: string;
  readonly message: string;
}

/** Shown in an error; the rest are counted, since one systematic mistake repeats on every line. */
const PROBLEMS_SHOWN = 20;

export class FactsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly FactProblem[],
  ) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => describeProblem(file, p));
    const more = problems.length > PROBLEMS_SHOWN ? [`… and ${problems.length - PROBLEMS_SHOWN} more`] : [];
    super(
      [`${file}: ${problems.length} problem(s); nothing was written / niets vastgelegd`, ...shown, ...more].join('\n'),
    );
  }
}

export const describeProblem = (file: string, { line, field, message }: FactProblem) =>
  `${file}:${line}${field ? ` ${field}` : ''}: ${message}`;

/**
 * Reads a facts file: `#` comments and blank lines, and one JSON object per other line,
 * `{"fact": "<event name>", ...the endpoint's fields, its path ids and occurredAt}`. Every
 * line is checked before anything is written, with the endpoint's own validation; all
 * problems are reported at once, each with its line and field.
 */
export function planFacts(text: string, file: string): PlannedFact[] {
  const validation = new LedgerValidationPipe();
  const planned: PlannedFact[] = [];
  const problems: FactProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const result = planLine(trimmed, line, validation);
    if ('problems' in result) problems.push(...result.problems);
    else planned.push(result);
  });
  if (problems.length > 0) throw new FactsFileError(file, problems);
  return planned;
}

function planLine(
  text: string,
  line: number,
  validation: LedgerValidationPipe,
): PlannedFact | { problems: FactProblem[] } {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(text);
  } catch (error) {
    return { problems: [{ line, message: `not one JSON object on one line: ${(error as Error).message}` }] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problems: [{ line, message: 'must be a JSON object {"fact": …}' }] };
  }
  const { fact, ...fields } = parsed as Record<string, unknown>;
  if (!isFactName(fact)) {
    const known = Object.keys(FACT_ROUTES).join(', ');
    return {
      problems: [
        { line, field: 'fact', message: `unknown fact ${JSON.stringify(fact ?? null)}; known facts: ${known}` },
      ],
    };
  }
  const route = FACT_ROUTES[fact];
  const problems: FactProblem[] = [];
  const body = { ...fields };
  let url: string = route.path;
  for (const name of pathParameters(route)) {
    const id = body[name];
    delete body[name];
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      problems.push({ line, field: name, message: `must be an id of lowercase letters, digits and dashes` });
    } else {
      url = url.replace(`:${name}`, id);
    }
  }
  if (body.occurredAt === undefined) {
    problems.push({ line, field: 'occurredAt', message: 'is required in a facts file: when did it happen?' });
  }
  try {
    validation.transform(body, { type: 'body', metatype: route.dto });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.problems.map(({ field, message }) => ({ line, field, message })));
  }
  if (problems.length > 0) return { problems };
  const idempotencyKey = `fact-${createHash('sha256').update(JSON.stringify(parsed)).digest('hex').slice(0, 40)}`;
  return { line, fact, url, body, idempotencyKey };
}
