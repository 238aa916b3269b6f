import { defineConfig } from 'tsup';
import { distName, entries } from './scripts/entries.mjs';

export default defineConfig({
  entry: Object.fromEntries(Object.entries(entries).map(([subpath, file]) => [distName(subpath), file])),
  format: ['esm', 'cjs'],
  dts: true,
  // One copy of shared code (error classes above all) in each format, so `instanceof` holds
  // across entries.
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['zod', 'express', 'fastify', 'next', 'ioredis', 'redis', 'fastify-plugin'],
});
