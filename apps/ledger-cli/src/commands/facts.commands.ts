import { parseArgs } from 'node:util';
import { createApp } from '../../../ledger-api/src/create-app';
import { DEMO_FACTS_FILE } from '../../../ledger-api/src/facts-import/demo';
import { importFactsFile } from '../../../ledger-api/src/facts-import/import-facts';
import { type CliCommand, UsageError } from '../cli-command';

/** Records a facts file through the API's own endpoints, run in this process. */
async function importFile(file: string, out: (line: string) => void): Promise<void> {
  const app = await createApp({ quiet: true });
  try {
    const report = await importFactsFile(app, file);
    out(
      `${report.file}: ${report.facts} facts, ${report.written} recorded, ${report.alreadyPresent} already present / ` +
        `${report.written} vastgelegd, ${report.alreadyPresent} waren er al`,
    );
  } finally {
    await app.close();
  }
}

export const seedDemo: CliCommand = {
  name: 'seed demo',
  usage: 'seed demo',
  summary: 'Programma SAMEN vastleggen; nogmaals doet niets / record the demo programme (idempotent)',
  async run(args, { out }) {
    parseArgs({ args, options: {}, strict: true });
    await importFile(DEMO_FACTS_FILE, out);
  },
};

export const factsImport: CliCommand = {
  name: 'facts import',
  usage: 'facts import FILE',
  summary: 'Een feitenbestand vastleggen (eerst geheel gecontroleerd) / record a facts file, checked whole first',
  async run(args, { out }) {
    const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('name one facts file');
    await importFile(positionals[0], out);
  },
};
