import { describe, expect, it, vi } from 'vitest';
import { exerciseExample, expectedExchange, startExample } from './run-example.js';

describe.each([
  // The rest of each app keeps parsing JSON: a route of its own proves it.
  { example: 'express', check: ['/health', undefined, { ok: true }] as const, handledLine: 'handled device.release-changed: ' },
  { example: 'fastify', check: ['/api/echo', '{"a":1}', { received: { a: 1 } }] as const, handledLine: 'handled device.alert: ' },
])('examples/$example', ({ example, check, handledLine }) => {
  it('receives every Peridio and EdgeSense event, once each, and refuses forgeries', async () => {
    const app = await startExample('node', ['--import', 'tsx', `examples/${example}/server.ts`], { cwd: process.cwd() });
    try {
      const results = await exerciseExample({ peridio: `${app.baseUrl}/webhooks/peridio`, edgesense: `${app.baseUrl}/webhooks/edgesense` });
      expect(results).toEqual(expectedExchange());
      // The Node examples log through pino's asynchronous destination: a line lands a moment after its response.
      await vi.waitFor(() => {
        expect(app.output()).toContain(handledLine);
        expect(app.output()).toContain('"outcome":"duplicate"');
      });
      const [path, body, expected] = check;
      const response = await fetch(app.baseUrl + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(await response.json()).toEqual(expected);
    } finally {
      await app.stop();
    }
  });
});
