import { afterAll, beforeAll, expect, it } from 'vitest';
import { exerciseExample, expectedExchange, startExample, type RunningExample } from './run-example.js';

let app: RunningExample;
beforeAll(async () => {
  app = await startExample('node', ['--import', 'tsx', 'examples/fastify/server.ts'], { cwd: process.cwd() });
});
afterAll(() => app?.stop());

it('examples/fastify receives every Peridio and EdgeSense event, once each, and refuses forgeries', async () => {
  const results = await exerciseExample({ peridio: `${app.baseUrl}/webhooks/peridio`, edgesense: `${app.baseUrl}/webhooks/edgesense` });
  expect(results).toEqual(expectedExchange());
  expect(app.output()).toContain('handled device.alert: ');
  const echo = await fetch(`${app.baseUrl}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
  expect(await echo.json()).toEqual({ received: { a: 1 } });
});
