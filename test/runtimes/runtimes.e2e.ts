// The conformance suite (suite/) on every runtime hookverify claims, from the packed tarball
// installed in a temporary project: Node 20 (the Node running this), 22 and 24, Bun, Deno and
// workerd. Each runtime must report every test the suite registers for it, by name, and every
// one passed; a runtime that cannot start fails here, it is never skipped. What ran is written
// to reports/runtimes.json, and README's runtime table must say the same.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, ROOT, type ConsumerProject } from './consumer-project.js';
import { makeRuntimeFixtures } from './fixtures.js';
import { RUNTIMES, type Runtime, type RuntimeReport } from './launch-runtimes.js';
import { readmeRuntimeRows, runtimeRows } from './runtime-table.js';

interface Suite {
  registerConformance(t: unknown, context: { fixtures: unknown; backends: readonly string[]; modules: () => never; serve: never; server: string }): void;
}
interface Harness {
  names(): string[];
}

let project: ConsumerProject;
let fixtures: Awaited<ReturnType<typeof makeRuntimeFixtures>>;
const reports = new Map<string, Promise<RuntimeReport>>();

/** The names the suite registers on a runtime with these backends and this server. */
async function expectedNames(runtime: Runtime, server: string): Promise<string[]> {
  const suite = (await import(/* @vite-ignore */ join(ROOT, 'test/runtimes/suite/conformance.mjs'))) as Suite;
  const { createHarness } = (await import(/* @vite-ignore */ join(ROOT, 'test/runtimes/suite/harness.mjs'))) as { createHarness(): Harness };
  const t = createHarness();
  suite.registerConformance(t, { fixtures, backends: runtime.backends, modules: (() => {}) as () => never, serve: undefined as never, server });
  return t.names();
}

beforeAll(async () => {
  fixtures = await makeRuntimeFixtures();
  const entries = [...new Set([...fixtures.senders.map((f) => f.entry), 'peridio', 'edgesense', 'standard-webhooks'])].sort();
  project = createConsumerProject(fixtures, entries);
  // Two at a time: the machine has two cores, and each run is CPU-bound.
  const queue = [...RUNTIMES];
  const lanes = Array.from({ length: 2 }, async () => {
    for (let runtime = queue.shift(); runtime; runtime = queue.shift()) {
      const report = runtime.run(project).then((line) => JSON.parse(line) as RuntimeReport);
      reports.set(runtime.id, report);
      await report.catch(() => {});
    }
  });
  await Promise.all(lanes);
}, 600_000);

afterAll(() => {
  if (project && process.env.HOOKVERIFY_KEEP_CONSUMER !== '1') rmSync(project.dir, { recursive: true, force: true });
});

describe.each(RUNTIMES.map((runtime) => [runtime.id, runtime] as const))('conformance on %s', (id, runtime) => {
  it('ran every registered test, by name, and every one passed', async () => {
    const report = await reports.get(id)!;
    const failed = report.results.filter((result) => !result.ok);
    expect(failed.map((result) => `${result.name}\n${result.error}`)).toEqual([]);
    expect(report.results.map((result) => result.name)).toEqual(await expectedNames(runtime, report.server));
    // A floor that does not move with the fixtures: a runtime that registered nothing fails here too.
    expect(report.results.length).toBeGreaterThan(250 * runtime.backends.length);
  });

  it(`has the backends it must have, and chooses ${runtime.defaultBackend === 'node' ? 'node:crypto' : 'Web Crypto'} by default`, async () => {
    const report = await reports.get(id)!;
    expect(report.backends).toEqual(runtime.backends);
    expect(report.defaultBackend).toBe(runtime.defaultBackend);
  });
});

describe('what ran', () => {
  it('Node 20 is the Node running the driver', async () => {
    expect((await reports.get('node20')!).runtime.version).toMatch(/^20\./);
  });

  it('is written to reports/runtimes.json, and README.md lists the same runtimes, versions and test counts', async () => {
    const ran = await Promise.all(RUNTIMES.map(async (runtime) => ({ runtime, report: await reports.get(runtime.id)! })));
    const rows = runtimeRows(ran);
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'reports/runtimes.json'), `${JSON.stringify({ rows }, null, 2)}\n`);
    expect(readmeRuntimeRows(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toEqual(rows);
  });
});
