import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus and lexicon load once per worker; two cores, so two forks.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
