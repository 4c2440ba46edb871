import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AccessTokens, TOKEN_STORE } from '@samen/access';
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
  const demo = config.demo.loadWhenEmpty ? await loadDemoIfEmpty(app) : undefined;
  if (demo) {
    logger.log(`Loaded the Programma SAMEN demo: ${demo.written} facts from ${demo.file} (LEDGER_DEMO=off skips this)`);
  }
  await app.listen(config.http.port, config.http.host);
  const store =
    config.eventStore.kind === 'embedded'
      ? `embedded store ${config.eventStore.file}`
      : config.eventStore.kind === 'postgres'
        ? 'PostgreSQL store'
        : 'KurrentDB';
  logger.log(`samen-ledger listens on ${await app.getUrl()} (API docs at /docs) with the ${store}`);
  // A newcomer gets in at once; production never hands out a token by itself.
  if (demo && config.environment === 'development') await printDemoToken(app, await app.getUrl());
}

async function printDemoToken(app: NestFastifyApplication, url: string): Promise<void> {
  const { token, record } = await app
    .get<AccessTokens>(TOKEN_STORE)
    .issue({ kind: 'programme-team', id: 'demo-kernteam' }, 'demo kernteam (npm start)', 30);
  process.stdout.write(
    [
      '',
      'Demo: een token voor het kernteam, eenmalig getoond / a programme-team token, shown once:',
      `  ${token}`,
      `  (valid until ${record.expiresAt}; revoke with: npm run cli -- token revoke ${record.tokenId})`,
      'Open in de browser en log in met deze code / open in a browser and sign in with this code:',
      `  ${url.replace('127.0.0.1', 'localhost')}/app`,
      'Of via de API / or through the API:',
      `  curl -H 'Authorization: Bearer ${token}' ${url.replace('127.0.0.1', 'localhost')}/views/presence/rates`,
      '',
    ].join('\n') + '\n',
  );
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
