// hookverify/durable is engine-neutral: no zod, no queue library, no Node module, so it runs
// wherever a worker does. The engine entries import their own engine and nothing else of one.
import { describe, expect, it } from 'vitest';
import { nodeBuiltinsIn, runtimeImportsOf } from '../helpers/entry-imports.js';

const packageOf = (path: string) => path.split('/')[0]!;

describe('the durable entries', () => {
  it('./durable imports no zod, no queue library and no Node module', async () => {
    const imports = await runtimeImportsOf('./durable');
    expect(imports.filter((path) => ['zod', 'bullmq', 'pg-boss', 'ioredis', 'pg'].includes(packageOf(path)))).toEqual([]);
    expect(nodeBuiltinsIn(imports)).toEqual([]);
  });

  // BullMQ's worker is constructed here; pg-boss is handed a started boss, so it is a type only.
  it.each([
    ['./bullmq', ['bullmq']],
    ['./pg-boss', []],
  ])('%s imports, at run time, only the packages %j (no zod)', async (subpath, packages) => {
    const imports = await runtimeImportsOf(subpath);
    expect([...new Set(imports.filter((path) => nodeBuiltinsIn([path]).length === 0).map(packageOf))]).toEqual(packages);
  });
});
