import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The behaviour suite, run once more on the SQLite file backend: the server behaviour tests, the
 * Prism proxy scenario, the model fuzz and the socket races. test/helpers.ts reads
 * FAKESTORE_TEST_BACKEND and builds each test app over a new database file in a temporary folder.
 */
const BEHAVIOUR_SUITE = [
  'test/server/**/*.test.ts',
  'test/conformance/**/*.test.ts',
  'test/robustness/model-fuzz.test.ts',
  'test/robustness/concurrency.test.ts',
  // [control] Journal, verify, faults, clock and snapshots read and fill stores through the engine.
  'test/control/{journal,verify,faults,clock,snapshots}.test.ts',
];

// Pact's anonymous usage reporting would try to reach the network.
const env = { PACT_DO_NOT_TRACK: '1' };

export default defineConfig({
  // The docs' examples import the package export; in this repo it is the source.
  resolve: {
    alias: { 'bc-fakestore/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['test/backend-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'memory', include: ['test/**/*.test.ts', 'contracts/**/*.test.ts'], env },
      },
      {
        extends: true,
        test: { name: 'sqlite', include: BEHAVIOUR_SUITE, env: { ...env, FAKESTORE_TEST_BACKEND: 'sqlite' } },
      },
    ],
  },
});
