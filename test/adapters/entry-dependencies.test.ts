// The adapters translate; they must not drag in what users may not have: no zod (only schema
// entries load it), no framework package at runtime (they are optional peers, used for types
// only), and no Node module, so hookverify/fetch and hookverify/next load on edge runtimes.
import { expect, it } from 'vitest';
import { nodeBuiltinsIn, runtimeImportsOf, runtimeImportsOfFile } from '../helpers/entry-imports.js';

it.each(['.', './fetch', './express', './fastify', './next', './hono'])('%s imports no zod, no framework and no Node module', async (subpath) => {
  const imports = await runtimeImportsOf(subpath);
  expect(imports.filter((path) => /^(zod|express|fastify|next|hono)(\/|$)/.test(path))).toEqual([]);
  expect(nodeBuiltinsIn(imports)).toEqual([]);
});

it('the check sees a Node module imported by its bare name as well as with node:', async () => {
  // An adapter that slipped in `import ... from 'crypto'` (or 'stream'): edge bundlers refuse both spellings.
  const imports = await runtimeImportsOfFile({
    contents:
      "export * from './src/adapters/fetch/index.ts'; export { createHash } from 'crypto'; " +
      "export { Readable } from 'stream'; export { readFile } from 'node:fs/promises';",
  });
  expect(nodeBuiltinsIn(imports).sort()).toEqual(['crypto', 'node:fs/promises', 'stream']);
});
