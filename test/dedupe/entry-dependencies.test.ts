// The dedupe entries must load without zod (only schema entries may) and without a database
// client (users install the one they use: ioredis, redis or pg); none imports a Node module (by
// either spelling), so hookverify/dedupe runs on edge runtimes, and hookverify/redis and
// hookverify/postgres wherever their client does.
import { describe, expect, it } from 'vitest';
import { nodeBuiltinsIn, runtimeImportsOf, runtimeImportsOfFile } from '../helpers/entry-imports.js';

describe.each(['./dedupe', './redis', './postgres'])('the %s entry', (subpath) => {
  it('imports no zod, no database client library and no Node module (node:crypto or crypto)', async () => {
    const imports = await runtimeImportsOf(subpath);
    expect(imports.filter((path) => ['zod', 'ioredis', 'redis', 'pg'].includes(path.split('/')[0]!))).toEqual([]);
    expect(nodeBuiltinsIn(imports)).toEqual([]);
  });
});

it('the Node-module check sees a bare builtin in a dedupe bundle', async () => {
  const imports = await runtimeImportsOfFile({
    contents: "export * from './src/dedupe/index.ts'; export { randomUUID } from 'crypto';",
  });
  expect(nodeBuiltinsIn(imports)).toEqual(['crypto']);
});

describe('the PRN helpers of hookverify/peridio', () => {
  it('import no zod', async () => {
    expect(await runtimeImportsOfFile('src/senders/peridio/prn.ts')).toEqual([]);
  });
});
