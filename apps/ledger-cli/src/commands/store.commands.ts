import { parseArgs } from 'node:util';
import type { RecordedEvent } from '@samen/event-store';
import { type CliCommand, UsageError, wholeNumber } from '../cli-command';

/** One event as a line of JSON; positions are strings because JSON numbers cannot hold them. */
function toJsonLine(event: RecordedEvent): string {
  return JSON.stringify({ ...event, position: event.position.toString() });
}

export const storeInfo: CliCommand = {
  name: 'store info',
  usage: 'store info',
  summary: 'Welke store, waar, en hoe ver / which store, where, and its head position',
  async run(args, { store, config, out }) {
    parseArgs({ args, options: {}, strict: true });
    const head = await store.headPosition();
    const where =
      config.eventStore.kind === 'embedded'
        ? config.eventStore.file
        : config.eventStore.connectionString.replace(/\/\/[^@/]*@/, '//***@');
    out(JSON.stringify({ adapter: store.kind, location: where, headPosition: head?.toString() ?? null }));
  },
};

export const storeEvents: CliCommand = {
  name: 'store events',
  usage: 'store events [--after POSITION] [--limit N]',
  summary: 'Alle feiten in volgorde, als JSON-regels / every event in global order, as JSON lines',
  async run(args, { store, out }) {
    const { values } = parseArgs({
      args,
      options: { after: { type: 'string' }, limit: { type: 'string' } },
      strict: true,
    });
    const limit = wholeNumber('--limit', values.limit, Number.MAX_SAFE_INTEGER);
    let after = values.after === undefined ? undefined : BigInt(wholeNumber('--after', values.after, 0));
    for (let written = 0; written < limit;) {
      const page = await store.readAll({ after, maxCount: Math.min(1000, limit - written) });
      if (page.length === 0) break;
      for (const event of page) out(toJsonLine(event));
      written += page.length;
      after = page[page.length - 1].position;
    }
  },
};

export const streamRead: CliCommand = {
  name: 'stream read',
  usage: 'stream read STREAM',
  summary: 'De geschiedenis van één stroom / the history of one stream, as JSON lines',
  async run(args, { store, out }) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError('name exactly one stream');
    for (const event of await store.readStream(positionals[0])) out(toJsonLine(event));
  },
};
