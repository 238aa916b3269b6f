// The adapters translate; they must not drag in what users may not have: no zod (only schema
// entries load it), no framework package at runtime (they are optional peers, used for types
// only), and no node: module, so hookverify/fetch and hookverify/next load on edge runtimes.
import { expect, it } from 'vitest';
import { runtimeImportsOf } from '../helpers/entry-imports.js';

it.each(['.', './fetch', './express', './fastify', './next'])('%s imports no zod, no framework and no node: module', async (subpath) => {
  const imports = await runtimeImportsOf(subpath);
  expect(imports.filter((path) => /^(zod|express|fastify|next)(\/|$)/.test(path))).toEqual([]);
  expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
});
