/** Jest runs the TypeScript sources through ts-jest in transpile-only mode (type checking is
 * `npm run typecheck`), which still emits the decorator metadata type-graphql relies on. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/jest-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest-global-teardown.ts',
  testTimeout: 20000,
  // Jest's default is one worker fewer than the cores: one on these 2-core machines, where most test
  // files wait on processes, sockets and disks rather than the CPU, so two keep both cores busy.
  maxWorkers: 2,
};
