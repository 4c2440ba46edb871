/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.[tj]s$': swc },
  // Jest on Node 20 cannot require() an ES module; the few such dependencies are compiled.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: {
    // What tests share: the decider specs, the event-store contract, the views' helpers.
    '^@samen/(ledger-kernel|event-store|views)/testing$': '<rootDir>/libs/$1/src/testing',
    // Entry points without the NestJS parts, for the views' worker thread.
    '^@samen/event-store/embedded$': '<rootDir>/libs/event-store/src/embedded',
    '^@samen/(structure|roles|attendance|commitments|money|reflections)/domain$': '<rootDir>/libs/$1/src/domain',
    '^@samen/(.*)$': '<rootDir>/libs/$1/src',
  },
  // Each spec file starts its own stores and servers; two workers match this machine.
  maxWorkers: 2,
  testTimeout: 30_000,
};
