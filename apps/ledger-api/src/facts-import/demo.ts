import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { importFactsFile, type ImportReport } from './import-facts';

/** The project's own file of facts: Programma SAMEN, December 2022 to November 2024. */
export const DEMO_FACTS_FILE = join(projectRoot(), 'demo', 'programma-samen.facts');

/** Loads the demo into a store that holds nothing yet; a store with any event is left alone. */
export async function loadDemoIfEmpty(app: NestFastifyApplication): Promise<ImportReport | undefined> {
  const head = await app.get<EventStore>(EVENT_STORE).headPosition();
  if (head !== undefined) return undefined;
  return importFactsFile(app, DEMO_FACTS_FILE);
}

/** The folder with the project's package.json, from the sources and from dist/ alike. */
function projectRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json')) || !existsSync(join(folder, 'nest-cli.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`samen-ledger's project folder was not found above ${__dirname}`);
    folder = parent;
  }
  return folder;
}
