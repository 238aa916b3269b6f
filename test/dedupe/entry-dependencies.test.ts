// The dedupe entries must load without zod (only schema entries may) and without either Redis
// client (users install the one they use); neither imports a node: module, so
// hookverify/dedupe runs on edge runtimes and hookverify/redis wherever a Redis client does.
import { describe, expect, it } from 'vitest';
import { runtimeImportsOf, runtimeImportsOfFile } from '../helpers/entry-imports.js';

describe.each(['./dedupe', './redis'])('the %s entry', (subpath) => {
  it('imports no zod, no Redis client library and no node: module', async () => {
    const imports = await runtimeImportsOf(subpath);
    expect(imports.filter((path) => ['zod', 'ioredis', 'redis'].includes(path.split('/')[0]!))).toEqual([]);
    expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
  });
});

describe('the PRN helpers of hookverify/peridio', () => {
  it('import no zod', async () => {
    expect(await runtimeImportsOfFile('src/senders/peridio/prn.ts')).toEqual([]);
  });
});
