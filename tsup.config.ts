import { defineConfig } from 'tsup';
import { distName, entries } from './scripts/entries.mjs';

export default defineConfig([{
  entry: Object.fromEntries(Object.entries(entries).map(([subpath, file]) => [distName(subpath), file])),
  format: ['esm', 'cjs'],
  dts: true,
  // One copy of shared code (error classes above all) in each format, so `instanceof` holds
  // across entries.
  splitting: true,
  treeshake: true,
  // No source maps: they would name src/ files the package does not ship (scripts/check-publish.ts
  // refuses them in the tarball).
  sourcemap: false,
  // The CLI is built by its own config below, at the same time: cleaning must spare it.
  clean: ['!cli/**'],
  target: 'es2022',
  platform: 'neutral',
  external: ['zod', 'express', 'fastify', 'next', 'hono', 'ioredis', 'redis', 'fastify-plugin', 'bullmq', 'pg-boss'],
}, {
  // The `hookverify` executable: Node-only, ESM, not an export; tsup keeps the shebang and
  // marks the file executable.
  entry: { 'cli/index': 'src/cli/index.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  external: ['zod'],
}]);
