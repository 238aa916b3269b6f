import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface DemoRow {
  delivery: string;
  status: number;
  outcome: string;
  why: string;
}

function expectDocumentedOutcomes(run: SpawnSyncReturns<string>): void {
  expect(run.status, run.stderr).toBe(0);
  const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as DemoRow);
  const byDelivery = new Map(rows.map((row) => [row.delivery, row]));
  const expectRow = (delivery: string, status: number, outcome: string, why?: RegExp) => {
    const row = byDelivery.get(delivery);
    expect(row, delivery).toBeDefined();
    expect([row!.status, row!.outcome], delivery).toEqual([status, outcome]);
    if (why) expect(row!.why, delivery).toMatch(why);
  };
  for (const name of [
    'device.connected',
    'device.disconnected',
    'device.authentication-failed',
    'device.checked-for-release',
    'device.claimed-release',
    'device.release-changed',
    'device.updated',
    'api_key.created',
    'webhook.test-fire',
    'webhook.request-failed',
  ]) {
    expectRow(`peridio ${name}`, 200, 'processed', new RegExp(`^${name.replace('.', '\\.')} handled`));
  }
  for (const name of ['device.data', 'device.alert', 'device.status', 'config.update']) {
    expectRow(`edgesense ${name}`, 200, 'processed');
  }
  expectRow('peridio device.connected, delivered again', 200, 'duplicate', /handler not run/);
  expectRow('peridio, body tampered in transit', 401, 'invalid_signature');
  expectRow('peridio, signed 10 minutes ago (replay)', 401, 'timestamp_too_old');
  expectRow('peridio, secret rotation: two signatures', 200, 'processed', /secret "current"/);
  expectRow('peridio, signed with the previous secret only', 200, 'processed', /secret "previous"/);
  expectRow('peridio audit_log.api_request (unknown type)', 200, 'processed', /not in the catalog/);
  expectRow('peridio device.connected missing its device', 400, 'invalid_event', /data\.data\.device/);
  expectRow('peridio device.updated, handler fails', 500, 'handler_failed');
  expectRow('peridio device.updated, sender retries', 200, 'processed');
  expectRow('edgesense, wrong secret', 401, 'invalid_signature');
  expectRow('edgesense, 2 MiB body', 413, 'body_too_large');
  expectRow('GET instead of POST', 405, 'method_not_allowed');
  expect(rows).toHaveLength(26);
  // No secret ever reaches the output.
  expect(run.stdout).not.toContain('5F2D0B5C4A1E49E6B0A6C3D1E2F40718');
  expect(run.stdout).not.toContain('demo-edgesense-secret');
}

/** A fresh clone after `npm ci`: the files git would check out (about 2 MB), the installed dependencies, no dist/. */
function freshClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookverify-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    // A file deleted in the working tree but not yet in git's index is not part of the clone.
    if (existsSync(file)) cpSync(file, join(dir, file), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('the demo sends every scripted delivery over HTTP and gets the documented outcome for each', () => {
  const clones: string[] = [];
  afterAll(() => clones.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('`npm run demo` on a fresh clone: from the source, without a build (issue #11, item 17)', () => {
    const clone = freshClone();
    clones.push(clone);
    const run = spawnSync('npm', ['run', '--silent', 'demo', '--', '--json'], { cwd: clone, encoding: 'utf8', timeout: 50_000 });
    expectDocumentedOutcomes(run);
    expect(existsSync(join(clone, 'dist')), 'npm run demo built the package').toBe(false);
  });

  it('against the built package (dist/, as CI builds it), as an installed package runs', () => {
    expectDocumentedOutcomes(spawnSync('node', ['--import', 'tsx', 'examples/demo/index.ts', '--json'], { encoding: 'utf8', timeout: 60_000 }));
  });
});
