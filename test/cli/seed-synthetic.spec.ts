import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@samen/event-store';
import { capturedCli } from '../support/cli';

describe('ledger-cli seed synthetic', () => {
  let dir: string;
  const cli = capturedCli();
  const { out, err } = cli;
  const storeFile = () => join(dir, 'ledger.db');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-seed-'));
    process.env.LEDGER_DATA_DIR = dir;
    cli.clear();
  });
  afterEach(() => {
    delete process.env.LEDGER_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes exactly N events, every stream with contiguous revisions from 0', async () => {
    expect(await cli('seed', 'synthetic', '--events', '20000', '--seed', '7')).toBe(0);

    const store = new SqliteEventStore({ file: storeFile() });
    try {
      expect(await store.headPosition()).toBe(20_000n);
      const revisions = new Map<string, number>();
      const gaps: string[] = [];
      for (let after: bigint | undefined; ;) {
        const page = await store.readAll({ after, maxCount: 1_000 });
        if (page.length === 0) break;
        for (const event of page) {
          const expected = revisions.get(event.streamName) ?? 0;
          if (event.revision !== expected) gaps.push(`${event.streamName}@${event.revision}`);
          revisions.set(event.streamName, event.revision + 1);
        }
        after = page[page.length - 1].position;
      }
      expect(gaps).toEqual([]);
      expect([...revisions.values()].reduce((sum, n) => sum + n, 0)).toBe(20_000);
      expect(out.map((line) => JSON.parse(line))).toEqual([
        {
          events: 20_000,
          streams: revisions.size,
          seconds: expect.any(Number),
          eventsPerSecond: expect.any(Number),
          seed: 7,
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it('refuses a store that already holds events, writing nothing', async () => {
    const store = new SqliteEventStore({ file: storeFile() });
    await store.append(
      'party-gemeente-001',
      [
        {
          type: 'PartyRegistered',
          data: { partyId: 'gemeente-001' },
          metadata: { occurredAt: '2023-01-01T08:00:00Z' },
        },
      ],
      'no_stream',
    );
    await store.close();

    expect(await cli('seed', 'synthetic', '--events', '100')).toBe(2);
    expect(err.join('\n')).toMatch(/already holds events/);

    const reopened = new SqliteEventStore({ file: storeFile() });
    expect(await reopened.headPosition()).toBe(1n);
    await reopened.close();
  });

  it.each([
    [['--seed', '3'], /--events is required/],
    [['--events', '0'], /--events must be a whole number from 1 to 100,000,000, got "0"/],
    [['--events', '100000001'], /--events must be a whole number from 1 to 100,000,000/],
    [['--events', '1e6'], /--events must be a whole number, got "1e6"/],
    [['--events', '10', '--seed=-4'], /--seed must be a whole number, got "-4"/],
    [['--events', '10', '--colour'], /Unknown option '--colour'/],
  ])('refuses %j with exit code 2, naming the flag', async (flags, message) => {
    expect(await cli('seed', 'synthetic', ...flags)).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).toMatch(/Gebruik \/ usage: npm run cli -- seed synthetic --events N \[--seed S\]/);
    expect(out).toEqual([]);
  });
});
