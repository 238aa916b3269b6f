import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

interface DemoRow {
  delivery: string;
  status: number;
  outcome: string;
  why: string;
}

it('the demo sends every scripted delivery over HTTP and gets the documented outcome for each', () => {
  const run = spawnSync('node', ['--import', 'tsx', 'examples/demo/index.ts', '--json'], { encoding: 'utf8', timeout: 60_000 });
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
});
