import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus and lexicon load once per worker; two cores, so two forks.
    pool: 'forks',
    testTimeout: 30_000,
    // Hooks load the corpus and answer hundreds of questions; on a shared 2-core box under load
    // that can pass vitest's 10 s default without anything being wrong.
    hookTimeout: 60_000,
  },
});
