import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, type EventStore } from '@samen/event-store';
import { createApp } from '../../apps/ledger-api/src/create-app';
import { freePort, spawnApp, waitUntilAnswering } from '../support/spawn-app';

describe('ledger-api over HTTP', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samen-ledger-api-'));
    process.env.LEDGER_DATA_DIR = dir;
    process.env.LOG_LEVEL = 'silent';
    app = await createApp();
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
    delete process.env.LEDGER_DATA_DIR;
    delete process.env.LOG_LEVEL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the embedded store as up, with its head position, on /health', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const { position } = await store.append(
      'programme-samen',
      [
        {
          type: 'ProgrammeLaunched',
          data: { name: 'Programma SAMEN' },
          metadata: { occurredAt: '2022-12-01T10:00:00+01:00' },
        },
      ],
      'no_stream',
    );
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      details: { eventStore: { status: 'up', adapter: 'embedded', headPosition: position.toString() } },
    });
  });

  it('serves the OpenAPI document at /docs-json and its viewer at /docs', async () => {
    const document = (await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, unknown> };
    const viewer = await fetch(`${base}/docs`);
    expect(document).toMatchObject({ openapi: expect.stringMatching(/^3\./), info: { title: 'samen-ledger' } });
    expect(Object.keys(document.paths)).toContain('/health');
    expect(viewer.status).toBe(200);
    expect(await viewer.text()).toContain('swagger-ui');
  });

  it('declares the bearer scheme and requires it globally, so "Try it out" sends the token after "Authorize"', async () => {
    const document = (await (await fetch(`${base}/docs-json`)).json()) as {
      components?: { securitySchemes?: Record<string, { type?: string; scheme?: string }> };
      security?: Record<string, string[]>[];
    };
    const schemes = document.components?.securitySchemes ?? {};
    const bearer = Object.keys(schemes).filter(
      (name) => schemes[name].type === 'http' && schemes[name].scheme?.toLowerCase() === 'bearer',
    );
    expect(bearer).toHaveLength(1);
    expect(document.security).toContainEqual({ [bearer[0]]: [] });
  });

  it('sends security headers on every answer, without forcing HTTPS on a plain-HTTP docs page', async () => {
    for (const path of ['/health', '/docs', '/toezeggingen/onbekend']) {
      const headers = (await fetch(`${base}${path}`)).headers;
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    }
  });

  it('answers an unknown route with a 404 problem and no stack trace', async () => {
    const response = await fetch(`${base}/toezeggingen/onbekend`);
    const body = await response.text();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(body)).toMatchObject({ status: 404, title: 'Niet gevonden / not found' });
    expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('ledger-api as a process', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'samen-ledger-process-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops at start with one line naming a bad setting and what it allows', async () => {
    const { code, stderr } = await spawnApp('ledger-api', [], { LEDGER_DATA_DIR: dir, PORT: 'drieduizend' }).finished;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'samen-ledger cannot start: Invalid configuration: PORT must be a whole number from 1 to 65535 (got "drieduizend")',
    ]);
  });

  it('refuses to start on a file that is not a samen-ledger store, in one line', async () => {
    writeFileSync(join(dir, 'ledger.db'), 'dit is geen database');
    const { code, stderr } = await spawnApp('ledger-api', [], { LEDGER_DATA_DIR: dir, PORT: freePort() }).finished;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^samen-ledger cannot start: .*ledger\.db.*(not a samen-ledger store|cannot be opened)/);
  });

  it('closes the event store before it exits on SIGTERM', async () => {
    const port = freePort();
    const child = spawnApp('ledger-api', [], { LEDGER_DATA_DIR: dir, PORT: port, LOG_LEVEL: 'info' });
    await waitUntilAnswering(`http://127.0.0.1:${port}/health`);
    child.kill('SIGTERM');
    const { signal, stdout } = await child.finished;
    // Nest re-raises the signal after its shutdown hooks ran, so the exit is by SIGTERM.
    expect(signal).toBe('SIGTERM');
    expect(stdout).toContain('Event store closed on SIGTERM');
  });
});
