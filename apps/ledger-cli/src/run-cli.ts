import { NestFactory } from '@nestjs/core';
import { ledgerConfig, type LedgerConfigType } from '@samen/config';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { CliModule } from './cli.module';
import { type CliCommand, UsageError } from './cli-command';
import { factsImport, seedDemo } from './commands/facts.commands';
import { seedSynthetic } from './commands/seed-synthetic.command';
import { storeEvents, storeInfo, streamRead } from './commands/store.commands';
import { tokenIssue, tokenList, tokenRevoke } from './commands/token.commands';
import { verify } from './commands/verify.command';

const COMMANDS: readonly CliCommand[] = [
  storeInfo,
  storeEvents,
  streamRead,
  seedDemo,
  factsImport,
  seedSynthetic,
  tokenIssue,
  tokenList,
  tokenRevoke,
  verify,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'Gebruik / usage: npm run cli -- <command>',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/**
 * Runs one operator command and returns the process exit code: 0 done, 1 failed, 2 wrong
 * use (nothing was done). Output goes to `out`, problems to `err`, one line each.
 */
export async function runCli(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const command = COMMANDS.find((c) => argv.join(' ').startsWith(c.name) && argv.length >= c.name.split(' ').length);
  if (!command) {
    err(
      argv.length === 0 || argv[0] === 'help' || argv[0] === '--help'
        ? usage()
        : `Unknown command "${argv.join(' ')}".\n${usage()}`,
    );
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false, abortOnError: false });
  try {
    const context = {
      store: app.get<EventStore>(EVENT_STORE),
      config: app.get<LedgerConfigType>(ledgerConfig.KEY),
      out,
    };
    await command.run(argv.slice(command.name.split(' ').length), context);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(error as Error).message}\nGebruik / usage: npm run cli -- ${command.usage}`);
      return 2;
    }
    throw error;
  } finally {
    await app.close();
  }
}
