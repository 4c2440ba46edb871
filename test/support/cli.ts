import { runCli } from '../../apps/ledger-cli/src/run-cli';

/** ledger-cli run in this process on `LEDGER_DATA_DIR`, with what it prints kept line by line. */
export interface CapturedCli {
  (...argv: string[]): Promise<number>;
  readonly out: string[];
  readonly err: string[];
  /** Forgets what was printed, before the next case. */
  clear(): void;
}

export function capturedCli(): CapturedCli {
  const out: string[] = [];
  const err: string[] = [];
  const cli = (...argv: string[]) =>
    runCli(
      argv,
      (line) => out.push(line),
      (line) => err.push(line),
    );
  return Object.assign(cli, {
    out,
    err,
    clear: () => {
      out.length = 0;
      err.length = 0;
    },
  });
}
