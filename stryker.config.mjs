// Mutation testing of the verification core, the senders and the dedupe semantics:
// `npm run mutation` (full report in reports/mutation/, summary in docs/mutation.md).
// scripts/ci/60-mutation-core.sh runs the core alone (stryker.core.config.mjs) within CI's budget.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/**/*.ts',
    'src/senders/**/*.ts',
    'src/dedupe/**/*.ts',
    // Re-export lists, the Redis and Postgres wiring (tested against real servers elsewhere) and the
    // zod event schemas (data, not logic; their own suites check every documented shape).
    '!src/**/index.ts',
    '!src/dedupe/redis*/**',
    '!src/dedupe/postgres/**',
    '!src/senders/*/events/**',
  ],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  // Mutants that loop for ever are cut off quickly: a timeout counts as killed.
  timeoutMS: 4_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
