import { defineConfig } from 'vitest/config';

const serviceTests = ['test/service/**/*.test.ts', 'test/http/**/*.test.ts'];
const projects = [
  { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
  {
    test: {
      name: 'pglite',
      include: serviceTests,
      globalSetup: ['test/support/global-setup.ts'],
      env: { TEST_DRIVER: 'pglite' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          test: {
            name: 'postgres',
            include: serviceTests,
            globalSetup: ['test/support/global-setup.ts'],
            env: { TEST_DRIVER: 'postgres' },
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
      ]
    : []),
  {
    test: {
      name: 'browser',
      include: ['test/e2e/**/*.test.ts'],
      globalSetup: ['test/support/global-setup.ts'],
      env: { TEST_DRIVER: 'pglite' },
      testTimeout: 60_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    },
  },
];

export default defineConfig({
  test: {
    projects,
    pool: 'forks',
    maxWorkers: 2,
  },
});
