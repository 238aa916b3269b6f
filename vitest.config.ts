import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // One PostgreSQL cluster per run; each file that needs it takes a database of its own.
    globalSetup: ['test/setup/postgres-cluster.ts'],
    include: ['test/**/*.test.ts'],
    // The property suites run on their own (vitest.properties.config.ts, scripts/ci/50-properties.sh).
    exclude: ['**/node_modules/**', 'test/properties/**'],
    // Slow suites (real servers, child processes, builds) set their own timeouts.
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
