/**
 * Runs the globalSetup example of docs/testing.md as its own Vitest run: the example's config,
 * rooted in its folder, with `bc-fakestore/testing` resolved to the source (as in this repo's config).
 */
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import example from './examples/vitest.config.js';

export default mergeConfig(example, {
  root: fileURLToPath(new URL('./examples', import.meta.url)),
  resolve: {
    alias: { 'bc-fakestore/testing': fileURLToPath(new URL('../../src/testing/index.ts', import.meta.url)) },
  },
});
