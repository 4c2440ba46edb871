import type { FastifyReply } from 'fastify';
import type { RequestWithPrincipal } from '@samen/access';
import type { TimeWindow } from '../core/time-window';
import type { LedgerViews } from '../ledger-views';
import type { ViewRunner } from '../runner/view-runner';
import { acceptsGzip, GZIP_FROM_BYTES } from './content-coding';
import { requireProgrammeScope } from './programme-scope';
import { toCsv, type CsvColumn } from './csv';
import { windowOf } from './query-window';
import type { ViewQueryDto } from './view-query.dto';

/** How long a query with minPosition waits for the views before answering 503. */
export const MIN_POSITION_WAIT_MS = 5_000;

export interface CsvTable<Answer, Row> {
  /** The download's file name, without extension. */
  readonly filename: string;
  readonly columns: readonly CsvColumn<Row>[];
  readonly rows: (answer: Answer) => readonly Row[];
  /** What a row cannot hold (e.g. the next page's cursor), as response headers. */
  readonly headers?: (answer: Answer) => Record<string, string>;
}

export interface ViewRequest<Answer, Row> {
  readonly view: string;
  readonly query: ViewQueryDto;
  /** The reply to send, and through it the request's Accept and Accept-Encoding. */
  readonly reply: FastifyReply;
  readonly compute: (views: LedgerViews, window: TimeWindow) => Answer;
  readonly csv: CsvTable<Answer, Row>;
  /**
   * The programme the answer is about when the path names one thing (a commitment), for
   * the programme scope; null when that thing is unknown (the answer is a 404 anyway).
   * Otherwise the query's programmeId.
   */
  readonly programmeId?: string | null;
  /**
   * For an answer that differs per reader (it asks the rule book about each fact): the
   * reader's class, which the remembered answer is kept under besides the question, so that
   * no reader is given an answer computed for another.
   */
  readonly reader?: string;
}

/**
 * One way every view answers: wait for minPosition if asked, compute in the asked time
 * window (or take the remembered answer), then JSON, or CSV when the client accepts it;
 * gzipped when the client takes gzip, as browsers and fetch do.
 */
export async function answerView<Answer extends object, Row>(
  runner: ViewRunner,
  request: ViewRequest<Answer, Row>,
): Promise<Buffer> {
  const { view, query, reply } = request;
  const { minPosition, ...question } = query;
  if (minPosition !== undefined) await runner.caughtUpTo(BigInt(minPosition), MIN_POSITION_WAIT_MS);
  const principal = (reply.request as unknown as RequestWithPrincipal).principal;
  if (request.programmeId !== null) requireProgrammeScope(runner, principal, request.programmeId ?? query.programmeId);
  const window = windowOf(query);
  const { accept, 'accept-encoding': acceptEncoding } = reply.request.headers;
  const csv = accept?.includes('text/csv') ?? false;
  // The finished bytes are what is remembered (ViewRunner.read).
  const key = `${view}:${csv ? 'csv' : 'json'}:${request.reader === undefined ? '' : `${request.reader}:`}${JSON.stringify(question)}`;
  const { position, answer: finished } = runner.read(key, (views, at) => {
    const answer = request.compute(views, window);
    if (csv) {
      return { body: toCsv(request.csv.columns, request.csv.rows(answer)), headers: request.csv.headers?.(answer) };
    }
    return {
      body: JSON.stringify({
        view,
        position: at?.toString() ?? null,
        asOf: query.asOf ?? null,
        knownAt: query.knownAt ?? null,
        ...answer,
      }),
    };
  });
  const zipped =
    finished.body.length >= GZIP_FROM_BYTES && acceptsGzip(acceptEncoding) ? await finished.gzip() : undefined;
  reply.headers(finished.headers);
  reply.header('x-ledger-position', position?.toString() ?? '');
  reply.header('vary', 'accept, accept-encoding');
  if (zipped) reply.header('content-encoding', 'gzip');
  if (csv) {
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${request.csv.filename}.csv"`);
  } else {
    reply.header('content-type', 'application/json; charset=utf-8');
  }
  return zipped ?? finished.body;
}
