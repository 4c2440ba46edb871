/** A query asked for a position the views have not reached in time: try again shortly. */
export class ViewsBehindError extends Error {
  readonly code = 'views-behind';
  constructor(
    readonly wanted: bigint,
    readonly reached: bigint | undefined,
    timeoutMs: number,
  ) {
    super(
      `De overzichten zijn na ${timeoutMs} ms nog niet bij positie ${wanted} (nu ${reached ?? 'geen'}); probeer het zo opnieuw. / ` +
        `The views have not reached position ${wanted} after ${timeoutMs} ms (now at ${reached ?? 'none'}); retry shortly.`,
    );
  }
}
