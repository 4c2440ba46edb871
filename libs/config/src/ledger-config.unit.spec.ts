import { join, resolve } from 'node:path';
import { ConfigValidationError, loadLedgerConfig } from './ledger-config';

describe('loading the ledger configuration', () => {
  it('runs on the embedded store in ./data on port 3000 when nothing is set', () => {
    expect(loadLedgerConfig({})).toEqual({
      environment: 'development',
      http: { host: '127.0.0.1', port: 3000 },
      eventStore: { kind: 'embedded', file: join(resolve('data'), 'ledger.db') },
      views: { file: join(resolve('data'), 'views.db'), twoLanesFrom: 100_000 },
      access: { file: join(resolve('data'), 'access.db'), writesPer10Seconds: 1000 },
      log: { level: 'info' },
      demo: { loadWhenEmpty: true },
    });
  });

  it('loads the demo only into a development ledger, unless LEDGER_DEMO says otherwise', () => {
    expect(loadLedgerConfig({ NODE_ENV: 'production' }).demo.loadWhenEmpty).toBe(false);
    expect(loadLedgerConfig({ NODE_ENV: 'test' }).demo.loadWhenEmpty).toBe(false);
    expect(loadLedgerConfig({ LEDGER_DEMO: 'off' }).demo.loadWhenEmpty).toBe(false);
    expect(loadLedgerConfig({ NODE_ENV: 'production', LEDGER_DEMO: 'on' }).demo.loadWhenEmpty).toBe(true);
    expect(() => loadLedgerConfig({ LEDGER_DEMO: 'ja' })).toThrow('LEDGER_DEMO must be on or off (got "ja")');
  });

  it('treats an empty setting as unset', () => {
    expect(loadLedgerConfig({ PORT: '', LEDGER_EVENT_STORE_URL: ' ' })).toMatchObject({
      http: { port: 3000 },
      eventStore: { kind: 'embedded' },
    });
  });

  it('selects KurrentDB by a connection string', () => {
    const url = 'kurrentdb+discover://node1:2113,node2:2113?tls=false';
    expect(loadLedgerConfig({ LEDGER_EVENT_STORE_URL: url }).eventStore).toEqual({
      kind: 'kurrentdb',
      connectionString: url,
    });
    expect(loadLedgerConfig({ LEDGER_EVENT_STORE_URL: 'esdb://localhost:2113' }).eventStore.kind).toBe('kurrentdb');
  });

  it('selects PostgreSQL by a postgres:// or postgresql:// connection string', () => {
    const url = 'postgres://ledger:geheim@db.gemeente.example:5432/ledger?sslmode=require';
    expect(loadLedgerConfig({ LEDGER_EVENT_STORE_URL: url }).eventStore).toEqual({
      kind: 'postgres',
      connectionString: url,
    });
    expect(loadLedgerConfig({ LEDGER_EVENT_STORE_URL: 'postgresql://localhost/ledger' }).eventStore.kind).toBe(
      'postgres',
    );
  });

  it('keeps views and tokens in LEDGER_DATA_DIR when the events are on a server', () => {
    const config = loadLedgerConfig({
      LEDGER_EVENT_STORE_URL: 'postgres://localhost/ledger',
      LEDGER_DATA_DIR: '/srv/ledger',
    });
    expect(config.views.file).toBe('/srv/ledger/views.db');
    expect(config.access.file).toBe('/srv/ledger/access.db');
  });

  it('puts the store file in LEDGER_DATA_DIR', () => {
    expect(loadLedgerConfig({ LEDGER_DATA_DIR: '/srv/ledger' }).eventStore).toEqual({
      kind: 'embedded',
      file: '/srv/ledger/ledger.db',
    });
  });

  it.each([
    ['PORT', 'drieduizend', 'PORT must be a whole number from 1 to 65535 (got "drieduizend")'],
    ['PORT', '70000', 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    ['NODE_ENV', 'staging', 'NODE_ENV must be one of development, production, test (got "staging")'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [
      'LEDGER_EVENT_STORE_URL',
      'mysql://db/ledger',
      'LEDGER_EVENT_STORE_URL must be empty (embedded store) or a connection string starting with kurrentdb://, kurrentdb+discover://, esdb://, esdb+discover://, postgres://, postgresql://',
    ],
  ])('refuses %s=%s, naming it and what is allowed', (name, value, message) => {
    expect(() => loadLedgerConfig({ [name]: value })).toThrow(ConfigValidationError);
    expect(() => loadLedgerConfig({ [name]: value })).toThrow(message);
  });

  it('names every bad setting in one line', () => {
    expect(() => loadLedgerConfig({ PORT: '-1', LOG_LEVEL: 'loud' })).toThrow(
      /^Invalid configuration: PORT must be .*; LOG_LEVEL must be .*$/,
    );
  });
});
