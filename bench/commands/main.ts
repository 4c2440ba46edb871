/**
 * Command throughput over HTTP: a running ledger-api on loopback, driven by autocannon with
 * a realistic mix of commands against many streams, beside the embedded store's raw
 * single-append rate measured in the same run. Run: npm run bench:commands
 *
 * Settings: BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 32).
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@samen/event-store';
import { benchPort, benchToken, residentMemoryMiB, startApiProcess, stopApiProcess } from '../support/api-process';
import { ratePerSecond, report } from '../support/report';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PORT = benchPort();
const BASE = `http://127.0.0.1:${PORT}`;
const GEMEENTEN = 40;
const PEOPLE = 400;
const MEETINGS = 200;

const dir = mkdtempSync(join(tmpdir(), 'samen-ledger-bench-commands-'));

const auth = benchToken(join(dir, 'api'));

async function post(path: string, body: object): Promise<void> {
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** A programme with gemeenten, initiatives, people and meetings for the mix to act on. */
async function seed(): Promise<void> {
  await post('/programmes', { programmeId: 'bench', name: 'Benchmarkprogramma', startsOn: '2023-01-01' });
  await post('/parties', { partyId: 'fonds-bench', kind: 'fund', name: 'Benchmarkfonds' });
  for (let g = 0; g < GEMEENTEN; g++) {
    await post('/parties', { partyId: `gemeente-${g}`, kind: 'municipality', name: `Gemeente ${g}` });
    await post('/parties', { partyId: `initiatief-${g}`, kind: 'initiative', name: `Initiatief ${g}` });
  }
  for (let p = 0; p < PEOPLE; p++) await post('/people', { personId: `p-${p}`, name: `Deelnemer ${p}` });
  for (let m = 0; m < MEETINGS; m++) {
    await post('/meetings', {
      meetingId: `m-${m}`,
      programmeId: 'bench',
      kind: m % 4 === 0 ? 'collective' : 'online',
      title: `Bijeenkomst ${m}`,
      startsAt: '2023-06-01T10:00:00+02:00',
      place: 'Utrecht',
      expectedPartyIds: [`gemeente-${m % GEMEENTEN}`],
    });
  }
}

let sequence = 0;
/** Half attendance, the rest commitments, payments, people and invoices; every one valid and new. */
function nextCommand(): { path: string; body: object } {
  const n = sequence++;
  const g = n % GEMEENTEN;
  switch (n % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4: {
      // A (meeting, person) pair never repeats within MEETINGS × PEOPLE commands.
      const slot = Math.floor(n / 10) * 5 + (n % 10);
      return {
        path: `/meetings/m-${slot % MEETINGS}/attendance`,
        body: { personId: `p-${Math.floor(slot / MEETINGS) % PEOPLE}`, partyId: `gemeente-${g}`, status: 'present' },
      };
    }
    case 5:
    case 6:
      return {
        path: '/commitments',
        body: {
          commitmentId: `c-${n}`,
          programmeId: 'bench',
          byPartyId: `gemeente-${g}`,
          responsiblePersonId: `p-${n % PEOPLE}`,
          toPartyIds: [`initiatief-${g}`],
          kind: 'support',
          description: 'Ondersteuning bij de huiskamer in de wijk',
          dueOn: '2024-06-30',
        },
      };
    case 7:
      return {
        path: '/payments',
        body: {
          paymentId: `pay-${n}`,
          fromPartyId: 'fonds-bench',
          toPartyId: `initiatief-${g}`,
          amountInCents: 25_000 + n,
          purpose: 'programme-contribution',
          paidOn: '2023-07-01',
        },
      };
    case 8:
      return { path: '/people', body: { personId: `new-${n}`, name: `Nieuwe deelnemer ${n}` } };
    default:
      return {
        path: '/invoices',
        body: {
          invoiceId: `inv-${n}`,
          fromPartyId: `initiatief-${g}`,
          toPartyId: `gemeente-${g}`,
          amountInCents: 12_000,
          description: 'Advieswerk, 8 uur',
          submittedOn: '2023-07-01',
        },
      };
  }
}

async function rawSingleAppendRate(): Promise<number> {
  const store = new SqliteEventStore({ file: join(dir, 'raw.db') });
  const count = 2000;
  const rate = await ratePerSecond(count, async () => {
    for (let i = 0; i < count; i++) {
      await store.append(
        `s-${i}`,
        [{ type: 'Numbered', data: { i }, metadata: { occurredAt: '2023-01-01T00:00:00Z' } }],
        'no_stream',
      );
    }
  });
  await store.close();
  return rate;
}

async function main(): Promise<void> {
  const api = await startApiProcess(join(dir, 'api'), PORT);
  try {
    await seed();
    const rssBefore = (await residentMemoryMiB(api.pid!)).now;
    const result = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const { path, body } = nextCommand();
            return {
              ...request,
              path,
              headers: { 'content-type': 'application/json', ...auth },
              body: JSON.stringify(body),
            };
          },
        },
      ],
    });
    const rssAfter = (await residentMemoryMiB(api.pid!)).now;
    const raw = await rawSingleAppendRate();
    const commandsPerSecond = result.requests.average;
    const ok = report(
      'commands',
      {
        node: process.version,
        seconds: SECONDS,
        connections: CONNECTIONS,
        commands: result.requests.total,
        refusedOrFailed: result.non2xx + result.errors,
        apiRssMiB: `${rssBefore} → ${rssAfter}`,
      },
      [
        {
          measure: 'durable commands over HTTP',
          unit: 'commands/s',
          value: commandsPerSecond,
          baseline: { name: 'raw single appends', value: raw },
        },
        { measure: 'latency, median', unit: 'ms', value: result.latency.p50 },
        { measure: 'latency, p99', unit: 'ms', value: result.latency.p99 },
      ],
    );
    const meetsBar = commandsPerSecond >= 2000 && result.latency.p99 < 50 && result.non2xx === 0 && result.errors === 0;
    console.log(`bar (≥ 2,000 commands/s, p99 < 50 ms, every command 201): ${meetsBar ? 'ok' : 'FAIL'}`);
    process.exitCode = ok && meetsBar ? 0 : 1;
  } finally {
    await stopApiProcess(api);
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
