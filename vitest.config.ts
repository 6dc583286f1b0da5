import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { e2eWorkers } from './e2e/support/workers.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'] },
      },
      {
        // The web kit and the pure helpers of the web app, in jsdom (antd needs the polyfills of the setup file).
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['apps/web/src/test-support/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          globalSetup: ['apps/api/src/test-support/global-setup.ts'],
          pool: 'forks',
          // Each file still gets its own database; reusing the worker's loaded modules saves importing the whole
          // app once per file (half of the suite's time was imports).
          isolate: false,
          // vitest keeps one core free by default, which on a 2-core CI machine means one test file at a time;
          // each file has its own database (a PGlite copy or a database from the template), so use every core.
          maxWorkers: Math.max(2, os.availableParallelism()),
          // Generous: the machine is shared with builds and browsers; tests never assert a time.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          // Two journeys at once, each worker on its own server (e2e/support/servers.ts): a journey waits mostly
          // on its browser and server, so two overlap on 2 cores instead of queueing.
          maxWorkers: e2eWorkers(),
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
