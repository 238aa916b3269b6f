// The dedupe entries must load without zod (only schema entries may) and without either Redis
// client (users install the one they use); neither imports a node: module, so
// hookverify/dedupe runs on edge runtimes and hookverify/redis wherever a Redis client does.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { entries } from '../../scripts/entries.mjs';

async function importsOf(source: string): Promise<string[]> {
  const result = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    packages: 'external',
    external: ['node:*'],
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path));
}

describe.each(['./dedupe', './redis'])('the %s entry', (subpath) => {
  it('imports no zod, no Redis client library and no node: module', async () => {
    const source = entries[subpath];
    expect(source).toBeDefined();
    const imports = await importsOf(source!);
    expect(imports.filter((path) => ['zod', 'ioredis', 'redis'].includes(path.split('/')[0]!))).toEqual([]);
    expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
  });
});

describe('the PRN helpers of hookverify/peridio', () => {
  it('import no zod', async () => {
    expect(await importsOf('src/senders/peridio/prn.ts')).toEqual([]);
  });
});
