import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { hookverifyFastify } from '../../src/adapters/fastify/index.js';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from './fixtures.js';
import { served } from './serve-node.js';
import { runAdapterSuite } from './shared-suite.js';

async function start(app: ReturnType<typeof Fastify>, path: string) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const target = await served(app.server, path);
  return { ...target, close: () => app.close() };
}

runAdapterSuite('fastify', async (receiver) => {
  const app = Fastify();
  await app.register(hookverifyFastify, { path: '/webhooks/peridio', receiver });
  return start(app, '/webhooks/peridio');
});

describe('fastify: encapsulation', () => {
  const receiver = createWebhookReceiver({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }), handle: () => {} });

  it("keeps the app's JSON parsing for its other routes, and the webhook route still gets raw bytes", async () => {
    const app = Fastify();
    app.post('/api/echo', async (request) => ({ got: request.body }));
    await app.register(hookverifyFastify, { path: '/webhooks/peridio', receiver });
    app.post('/api/after', async (request) => ({ got: request.body }));
    const echo = await start(app, '/api/echo');
    try {
      const before = await echo.send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(JSON.parse(before.body)).toEqual({ got: { a: 1 } });
      const port = (app.server.address() as { port: number }).port;
      const after = await fetch(`http://127.0.0.1:${port}/api/after`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"b":2}',
      });
      expect(await after.json()).toEqual({ got: { b: 2 } });
      // A content type the app has no parser for is still refused outside the plugin.
      const octets = await fetch(`http://127.0.0.1:${port}/api/after`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: 'x',
      });
      expect(octets.status).toBe(415);
      const signed = await signPeridio(releaseChangedBody());
      const webhook = await fetch(`http://127.0.0.1:${port}/webhooks/peridio`, { method: 'POST', headers: signed.headers, body: signed.body as string });
      expect(webhook.status).toBe(200);
    } finally {
      await echo.close();
    }
  });

  it('accepts a delivery sent with another or no content type', async () => {
    const app = Fastify();
    await app.register(hookverifyFastify, { path: '/webhooks/peridio', receiver });
    const target = await start(app, '/webhooks/peridio');
    try {
      const signed = await signPeridio(releaseChangedBody());
      const { 'content-type': _dropped, ...bare } = signed.headers;
      const untyped = await target.send({ method: 'POST', headers: bare, body: signed.body });
      expect(untyped.status).toBe(200);
      const other = await signPeridio(releaseChangedBody());
      const text = await target.send({ method: 'POST', headers: { ...other.headers, 'content-type': 'text/plain' }, body: other.body });
      expect(text.status).toBe(200);
    } finally {
      await target.close();
    }
  });
});
