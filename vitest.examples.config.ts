import { defineConfig } from 'vitest/config';

// The examples as real processes on 127.0.0.1 (scripts/ci/60-examples.sh); they import the
// built package, so this runs after `npx tsup`.
export default defineConfig({
  test: {
    include: ['test/examples/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
