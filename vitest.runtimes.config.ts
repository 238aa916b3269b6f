import { defineConfig } from 'vitest/config';

// The conformance suite on every runtime (scripts/ci/66-runtimes.sh), from the packed tarball.
export default defineConfig({
  test: {
    include: ['test/runtimes/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
