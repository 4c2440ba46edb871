import 'reflect-metadata';
import { ConfigValidationError } from '@samen/config';
import { EventStoreError } from '@samen/event-store';
import { FactsFileError } from '../../ledger-api/src/facts-import/facts-file';
import { FactImportHaltedError } from '../../ledger-api/src/facts-import/import-facts';
import { runCli } from './run-cli';

runCli(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known =
      error instanceof ConfigValidationError ||
      error instanceof EventStoreError ||
      error instanceof FactsFileError ||
      error instanceof FactImportHaltedError;
    process.stderr.write(
      `ledger-cli: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`,
    );
    process.exitCode = 1;
  },
);
