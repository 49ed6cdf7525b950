/**
 * One Jest run, two projects: unit tests beside the code (*.spec.ts) and
 * end-to-end tests under test/ (*.e2e-spec.ts) that run on real PostgreSQL,
 * Redis and SMTP started by test/setup/global-setup.ts.
 *
 * Every @nestjs package is ESM-only, as are marked and feed; @swc/jest transforms them to CommonJS.
 * Both projects fail any test during which two queries ran at once on one
 * PostgreSQL connection (test/setup/one-query-per-connection.ts).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|marked|feed)/)'],
  moduleNameMapper: { '^@app/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // Fails a test that runs two queries at once on one PostgreSQL connection.
  setupFilesAfterEnv: ['<rootDir>/test/setup/one-query-per-connection.ts'],
};
module.exports = {
  testTimeout: 60000,
  // Each e2e file spends most of its time waiting on PostgreSQL, SMTP and timers: two files at once even
  // on two cores (Jest's default there is one), at most four (each runs an API and a worker, each with a
  // pool of 10 connections, against one PostgreSQL).
  maxWorkers: Math.min(4, Math.max(2, require('node:os').availableParallelism())),
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/(apps|libs|scripts|eslint-rules)/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
