/// <reference lib="dom" />
/**
 * The web pages, in one run: server time per page (its Server-Timing header) on the demo and
 * on the 1,000,000-event synthetic store, beside the API's JSON answer to the same question
 * measured in the same run; in Debian's chromium, navigation to first content; and the bytes
 * of a page with its CSS and script, gzipped. Run: npm run bench:web
 *
 * Settings: BENCH_REQUESTS per page (default 40), BENCH_WEB_EVENTS for the large store
 * (default 1000000; 0 skips it), BENCH_SEED (default 42).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchChromium } from '../../test/web/browser';
import { signInAsBrowser } from '../../test/support/web-sign-in';
import { runCli } from '../../apps/ledger-cli/src/run-cli';
import { benchPort, benchToken, startApiProcess, stopApiProcess } from '../support/api-process';
import { median, report, type Row } from '../support/report';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const LARGE = Number(process.env.BENCH_WEB_EVENTS ?? 1_000_000);
const SEED = process.env.BENCH_SEED ?? '42';

/** Each page and the API question it answers, so both are timed on the same views. */
const PAGES: readonly { page: string; api: string }[] = [
  { page: '/app', api: '/views/commitments/parties' },
  { page: '/app/aanwezigheid', api: '/views/presence' },
  { page: '/app/continuiteit', api: '/views/continuity' },
  { page: '/app/afspraken', api: '/views/commitments' },
  { page: '/app/geld', api: '/views/money' },
  { page: '/app/overdrachten', api: '/views/handovers' },
  { page: '/app/tijdlijn', api: '/views/timeline' },
];

const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];

/** A raw GET: status, header and the bytes as sent (still gzipped), with the time to the last byte. */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': 'gzip', ...headers } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bytes,
          ms: performance.now() - started,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitForViews(base: string): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${base}/health`)).json()) as { info?: { views?: { eventsBehind?: number } } };
    if (health.info?.views?.eventsBehind === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measureStore(label: string, dir: string, query: string, bar: number): Promise<Row[]> {
  const port = benchPort();
  const base = `http://127.0.0.1:${port}`;
  const auth = benchToken(dir);
  const api = await startApiProcess(dir, port);
  const rows: Row[] = [];
  try {
    await waitForViews(base);
    const cookie = await signInAsBrowser(base, auth.authorization.replace('Bearer ', ''));
    let worst = 0;
    for (const { page, api: question } of PAGES) {
      const server: number[] = [];
      const client: number[] = [];
      const apiTimes: number[] = [];
      // The first answer after the log moved: the page's questions computed, not remembered.
      let cold = NaN;
      // Interleaved, so that the machine's slow moments fall on both alike; the first answers warm up.
      for (let i = 0; i < REQUESTS + 3; i++) {
        const html = await get(`${base}${page}${query}`, { cookie });
        if (html.status !== 200) throw new Error(`${page}: ${html.status}`);
        const json = await get(`${base}${question}${query}`, auth);
        if (json.status !== 200) throw new Error(`${question}: ${json.status}`);
        if (i === 0) cold = Number(/dur=([\d.]+)/.exec(String(html.headers['server-timing']))?.[1]);
        if (i < 3) continue;
        server.push(Number(/dur=([\d.]+)/.exec(String(html.headers['server-timing']))?.[1]));
        client.push(html.ms);
        apiTimes.push(json.ms);
      }
      worst = Math.max(worst, p95(server));
      rows.push({
        measure: `${label} ${page} p95 (server: median ${median(server).toFixed(1)} ms, first ${cold.toFixed(0)} ms)`,
        unit: 'ms',
        value: p95(client),
        baseline: { name: `API ${question} p95`, value: p95(apiTimes) },
      });
    }
    rows.push({ measure: `${label}: slowest page's server time p95, bar < ${bar} ms`, unit: 'ms', value: worst });
    console.log(
      `${label}: slowest page's server time p95 ${worst.toFixed(1)} ms: ${worst < bar ? 'ok' : 'FAIL'} (bar ${bar} ms)`,
    );
    if (label === 'demo')
      rows.push(...(await weights(base, cookie, query)), ...(await browser(base, cookie, query, 1000)));
    else rows.push(...(await browser(base, cookie, query, 2000)));
  } finally {
    await stopApiProcess(api);
  }
  return rows;
}

/** What a browser downloads for a page: its HTML, the CSS and the script, as sent (gzipped). */
async function weights(base: string, cookie: string, query: string): Promise<Row[]> {
  let assets = 0;
  for (const file of ['utrecht-tokens.css', 'utrecht.css', 'ledger.css', 'ledger.js'])
    assets += (await get(`${base}/app/static/${file}`, {})).bytes;
  let heaviest = 0;
  for (const { page } of PAGES) heaviest = Math.max(heaviest, (await get(`${base}${page}${query}`, { cookie })).bytes);
  const total = (assets + heaviest) / 1000;
  console.log(
    `demo: heaviest page with its CSS and script ${total.toFixed(1)} kB gzipped: ${total < 200 ? 'ok' : 'FAIL'} (bar 200 kB)`,
  );
  return [{ measure: 'demo: heaviest page + CSS + script, gzipped, bar < 200 kB', unit: 'kB', value: total }];
}

/** Navigation to first content in Debian's chromium, five times per page. */
async function browser(base: string, cookie: string, query: string, bar: number): Promise<Row[]> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser timings skipped: no ${CHROMIUM}; apt-get install -y chromium enables them`);
    return [];
  }
  const instance = await launchChromium();
  try {
    const context = await instance.newContext();
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    let worst = 0;
    for (const { page: path } of PAGES) {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        await page.goto(`${base}${path}${query}`, { waitUntil: 'load' });
        // First contentful paint where the browser reports it, else the parsed document.
        const shown = await page.evaluate(() => {
          const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          return paint?.startTime ?? navigation?.domContentLoadedEventEnd ?? NaN;
        });
        if (i > 0) times.push(shown);
      }
      worst = Math.max(worst, median(times));
    }
    console.log(
      `browser: slowest page's median navigation to first content ${worst.toFixed(0)} ms: ${worst < bar ? 'ok' : 'FAIL'} (bar ${bar} ms)`,
    );
    return [
      {
        measure: `browser: slowest page, navigation to first content (median of 5), bar < ${bar} ms`,
        unit: 'ms',
        value: worst,
      },
    ];
  } finally {
    await instance.close();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const demo = mkdtempSync(join(tmpdir(), 'samen-ledger-bench-web-'));
  try {
    process.env.LEDGER_DATA_DIR = demo;
    if ((await runCli(['seed', 'demo'], () => undefined, console.error)) !== 0) throw new Error('seed demo failed');
    rows.push(...(await measureStore('demo', demo, '?asOf=2024-11-25', 150)));
  } finally {
    rmSync(demo, { recursive: true, force: true });
  }
  if (LARGE > 0) {
    const large = mkdtempSync(join(tmpdir(), 'samen-ledger-bench-web-large-'));
    try {
      process.env.LEDGER_DATA_DIR = large;
      const code = await runCli(
        ['seed', 'synthetic', '--events', String(LARGE), '--seed', SEED],
        () => undefined,
        console.error,
      );
      if (code !== 0) throw new Error('seed synthetic failed');
      rows.push(...(await measureStore(`${LARGE / 1e6}M`, large, '', 500)));
    } finally {
      rmSync(large, { recursive: true, force: true });
    }
  }
  report('web', { requests: REQUESTS, events: LARGE, node: process.version }, rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
