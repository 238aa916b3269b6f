// The adapters translate; they must not drag in what users may not have: no zod (only schema
// entries load it), no framework package at runtime (they are optional peers, used for types
// only), and no node: module, so hookverify/fetch and hookverify/next load on edge runtimes.
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { entries } from '../../scripts/entries.mjs';

async function runtimeImports(subpath: string): Promise<string[]> {
  const source = entries[subpath];
  if (source === undefined) throw new Error(`no entry ${subpath}`);
  const { metafile } = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    packages: 'external',
    external: ['node:*'],
    logLevel: 'silent',
  });
  return Object.values(metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path));
}

it.each(['.', './fetch', './express', './fastify', './next'])('%s imports no zod, no framework and no node: module', async (subpath) => {
  const imports = await runtimeImports(subpath);
  expect(imports.filter((path) => /^(zod|express|fastify|next)(\/|$)/.test(path))).toEqual([]);
  expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
});
