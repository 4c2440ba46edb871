import { gzip } from 'node:zlib';

/**
 * A finished answer: the bytes to send, the headers that belong to them and, once a client
 * asks for it, the same bytes gzipped. Compressed once per answer rather than per request: an
 * answer is asked again and again until the log moves, and gzip makes view JSON ten to twenty
 * times smaller for the networks between the ledger and its users.
 */
export class FinishedAnswer {
  private gzipped?: Promise<Buffer>;

  constructor(
    readonly body: Buffer,
    readonly headers: Readonly<Record<string, string>>,
  ) {}

  /** The body gzipped, on the thread pool: an answer about a long log can be megabytes. */
  gzip(): Promise<Buffer> {
    this.gzipped ??= new Promise<Buffer>((resolve, reject) =>
      gzip(this.body, (error, zipped) => (error ? reject(error) : resolve(zipped))),
    ).catch((error: unknown) => {
      // Not remembered as failed: the next request tries again.
      this.gzipped = undefined;
      throw error;
    });
    return this.gzipped;
  }
}
