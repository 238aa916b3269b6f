import { afterAll, beforeAll, expect, it } from 'vitest';
import { exerciseExample, expectedExchange, startExample, type RunningExample } from './run-example.js';

let app: RunningExample;
beforeAll(async () => {
  app = await startExample('node', ['--import', 'tsx', 'examples/express/server.ts'], { cwd: process.cwd() });
});
afterAll(() => app?.stop());

it('examples/express receives every Peridio and EdgeSense event, once each, and refuses forgeries', async () => {
  const results = await exerciseExample({ peridio: `${app.baseUrl}/webhooks/peridio`, edgesense: `${app.baseUrl}/webhooks/edgesense` });
  expect(results).toEqual(expectedExchange());
  expect(app.output()).toContain('handled device.release-changed: ');
  expect(app.output()).toContain('"outcome":"duplicate"');
  const health = await fetch(`${app.baseUrl}/health`);
  expect(await health.json()).toEqual({ ok: true });
});
