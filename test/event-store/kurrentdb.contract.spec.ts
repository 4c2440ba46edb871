import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { KurrentDbEventStore } from '@samen/event-store';
import { eventStoreContract } from '@samen/event-store/testing';
import { KURRENTDB_IMAGE, KURRENTDB_TEST_ENVIRONMENT } from '../../infra/kurrentdb-image';

/**
 * The same contract against a real KurrentDB: the server named in
 * LEDGER_TEST_KURRENTDB_URL, or else a container started through testcontainers.
 * Where neither can exist, the suite says so in one line and skips.
 */
const externalUrl = process.env.LEDGER_TEST_KURRENTDB_URL?.trim();
const dockerSocket = findDockerEngine();

if (externalUrl || dockerSocket) {
  describe(`EventStore contract: KurrentDB (${externalUrl ? 'LEDGER_TEST_KURRENTDB_URL' : KURRENTDB_IMAGE})`, () => {
    let container: StartedTestContainer | undefined;
    let connectionString = externalUrl ?? '';

    beforeAll(async () => {
      if (externalUrl) return;
      container = await new GenericContainer(KURRENTDB_IMAGE)
        .withEnvironment(KURRENTDB_TEST_ENVIRONMENT)
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forHealthCheck())
        .withStartupTimeout(180_000)
        .start();
      connectionString = `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    }, 240_000);

    afterAll(async () => {
      await container?.stop();
    });

    eventStoreContract(async () => {
      const store = new KurrentDbEventStore({ connectionString });
      return { store, dispose: () => store.close() };
    });
  });
} else {
  const reason =
    'skipped KurrentDB: no Docker engine is reachable (DOCKER_HOST unset, no docker.sock) and LEDGER_TEST_KURRENTDB_URL is not set';
  process.stdout.write(`EventStore contract: ${reason}\n`);
  describe.skip(`EventStore contract: KurrentDB — ${reason}`, () => {
    eventStoreContract(async () => {
      throw new Error('not reached');
    });
  });
}

function findDockerEngine(): string | undefined {
  if (process.env.DOCKER_HOST) return process.env.DOCKER_HOST;
  const candidates = [
    '/var/run/docker.sock',
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
    process.env.XDG_RUNTIME_DIR && join(process.env.XDG_RUNTIME_DIR, 'docker.sock'),
    process.env.XDG_RUNTIME_DIR && join(process.env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'),
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}
