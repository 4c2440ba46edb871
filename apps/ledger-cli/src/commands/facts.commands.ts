import { parseArgs } from 'node:util';
import { type CliCommand, UsageError } from '../cli-command';

/**
 * Records a facts file through the API's own endpoints, run in this process. The API is
 * loaded only here: every other command answers without loading it (a second less).
 */
async function importFile(file: string | 'demo', out: (line: string) => void): Promise<void> {
  const { createApp } = await import('../../../ledger-api/src/create-app');
  const { DEMO_FACTS_FILE } = await import('../../../ledger-api/src/facts-import/demo');
  const { importFactsFile } = await import('../../../ledger-api/src/facts-import/import-facts');
  const app = await createApp({ quiet: true });
  try {
    const report = await importFactsFile(app, file === 'demo' ? DEMO_FACTS_FILE : file);
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
    await importFile('demo', out);
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
