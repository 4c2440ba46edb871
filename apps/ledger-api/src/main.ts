import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigValidationError, loadLedgerConfig } from '@samen/config';
import { EventStoreError } from '@samen/event-store';
import { createApp } from './create-app';
import { FactsFileError } from './facts-import/facts-file';
import { FactImportHaltedError } from './facts-import/import-facts';
import { loadDemoIfEmpty } from './facts-import/demo';

async function main(): Promise<void> {
  const config = loadLedgerConfig(process.env);
  const app = await createApp();
  const logger = new Logger('Main');
  if (config.demo.loadWhenEmpty) {
    const demo = await loadDemoIfEmpty(app);
    if (demo)
      logger.log(
        `Loaded the Programma SAMEN demo: ${demo.written} facts from ${demo.file} (LEDGER_DEMO=off skips this)`,
      );
  }
  await app.listen(config.http.port, config.http.host);
  const store = config.eventStore.kind === 'embedded' ? `embedded store ${config.eventStore.file}` : 'KurrentDB';
  logger.log(`samen-ledger listens on ${await app.getUrl()} (API docs at /docs) with the ${store}`);
}

main().catch((error: unknown) => {
  // Configuration and store-file problems are the operator's to fix: one line, no stack.
  if (
    error instanceof ConfigValidationError ||
    error instanceof EventStoreError ||
    error instanceof FactsFileError ||
    error instanceof FactImportHaltedError
  ) {
    process.stderr.write(`samen-ledger cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`samen-ledger cannot start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
