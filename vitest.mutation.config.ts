import { defineConfig } from 'vitest/config';

// What Stryker runs against each mutant: the unit suites plus the property suites at a few
// dozen cases each (enough to kill a mutant, cheap enough to run thousands of times).
export default defineConfig({
  test: {
    // The suites of the mutated modules only: collecting unrelated suites for every mutant
    // (events, adapters, CLI, examples) would triple the run time for no killed mutant.
    include: [
      'test/core/**/*.test.ts',
      'test/crypto/**/*.test.ts',
      'test/senders/**/*.test.ts',
      'test/dedupe/**/*.test.ts',
      'test/testing/**/*.test.ts',
      'test/hostile/**/*.test.ts',
      'test/properties/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'test/dedupe/redis/**', 'test/dedupe/postgres/**', 'test/crypto/built-entries.test.ts', 'test/senders/*/events/**'],
    env: { HOOKVERIFY_PROPERTY_RUNS: '25' },
    testTimeout: 60_000,
  },
});
