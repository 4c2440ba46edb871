import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@samen/event-store';
import { capturedCli } from '../support/cli';

describe('ledger-cli store commands', () => {
  let dir: string;
  const cli = capturedCli();
  const { out, err } = cli;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-cli-'));
    process.env.LEDGER_DATA_DIR = dir;
    cli.clear();
    const store = new SqliteEventStore({ file: join(dir, 'ledger.db') });
    await store.append('party-gemeente-vaals', [registered('Gemeente Vaals')], 'no_stream');
    await store.append('party-oranje-fonds', [registered('Oranje Fonds')], 'no_stream');
    await store.append('party-gemeente-vaals', [registered('Gemeente Vaals (correctie)')], 0);
    await store.close();
  });
  afterEach(() => {
    delete process.env.LEDGER_DATA_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('token issue gives a member of a registered party a token, and refuses a party this ledger does not know', async () => {
    expect(
      await cli('token', 'issue', '--kind', 'party-member', '--party', 'gemeente-vaals', '--label', 'beleidsadviseur'),
    ).toBe(0);
    expect(out[0]).toMatch(/^token: slt_/);
    cli.clear();
    expect(await cli('token', 'issue', '--kind', 'party-member', '--party', 'gemeente-vals')).toBe(2);
    expect(err.join('\n')).toContain('no party "gemeente-vals" is registered in this ledger');
    cli.clear();
    expect(await cli('token', 'list')).toBe(0);
    expect(out.filter((line) => line.includes('gemeente-vals'))).toEqual([]);
  });

  it('store info names the adapter, the file and the head position', async () => {
    expect(await cli('store', 'info')).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { adapter: 'embedded', location: join(dir, 'ledger.db'), headPosition: '3' },
    ]);
  });

  it('store events prints the log after a position as JSON lines', async () => {
    expect(await cli('store', 'events', '--after', '1')).toBe(0);
    expect(out.map((l) => JSON.parse(l)).map((e) => [e.position, e.streamName, e.data.name])).toEqual([
      ['2', 'party-oranje-fonds', 'Oranje Fonds'],
      ['3', 'party-gemeente-vaals', 'Gemeente Vaals (correctie)'],
    ]);
  });

  it('stream read prints one stream in revision order', async () => {
    expect(await cli('stream', 'read', 'party-gemeente-vaals')).toBe(0);
    expect(out.map((l) => JSON.parse(l).revision)).toEqual([0, 1]);
  });

  it.each([
    [['store', 'events', '--limit', 'veel'], /--limit must be a whole number, got "veel"/],
    [['store', 'events', '--colour'], /Unknown option '--colour'/],
    [['stream', 'read'], /name exactly one stream/],
    [['store', 'wipe'], /Unknown command "store wipe"/],
  ])('refuses %j with exit code 2 and its usage', async (argv, message) => {
    expect(await cli(...argv)).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).toMatch(/Gebruik \/ usage/);
    expect(out).toEqual([]);
  });
});

function registered(name: string) {
  return { type: 'PartyRegistered', data: { name }, metadata: { occurredAt: '2022-12-01T09:00:00+01:00' } };
}
