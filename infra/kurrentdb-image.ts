/**
 * The KurrentDB server the project is tested against; the compose files in this folder pin
 * the same version. Change them together.
 */
export const KURRENTDB_IMAGE = 'docker.kurrent.io/kurrent-lts/kurrentdb:26.0.3';

/** A single insecure in-memory node, as the contract tests need it. */
export const KURRENTDB_TEST_ENVIRONMENT = {
  KURRENTDB_CLUSTER_SIZE: '1',
  KURRENTDB_INSECURE: 'true',
  KURRENTDB_MEM_DB: 'true',
  KURRENTDB_RUN_PROJECTIONS: 'None',
  // The contract appends 1 MiB events; the server's default maximum append is 1 MiB in all.
  KURRENTDB_MAX_APPEND_SIZE: String(16 * 1024 * 1024),
};
