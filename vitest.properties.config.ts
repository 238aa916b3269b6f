import { defineConfig } from 'vitest/config';

// The property suites (test/properties): 10,000 cases per property, run by
// scripts/ci/50-properties.sh on their own so that `npx vitest run` stays fast.
export default defineConfig({
  test: {
    setupFiles: ['test/setup/fast-check-seed.ts'],
    include: ['test/properties/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
