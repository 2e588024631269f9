import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'contracts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Pact's anonymous usage reporting would try to reach the network.
    env: { PACT_DO_NOT_TRACK: '1' },
  },
});
