import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { hookverifyFastify } from '../../src/adapters/fastify/index.js';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from './fixtures.js';
import { rawRequest } from './raw-http.js';
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

describe('fastify: every content type reaches the pipeline', () => {
  // Fastify answers its own 415 for a content-type it cannot parse as a media type, before any
  // content-type parser runs (even a catch-all); a sender's odd header must not bypass hookverify.
  const CONTENT_TYPES = ['', ' ', 'json', 'application/json, text/plain', 'garbage/;;;', 'text/plain', 'application/json; charset=utf-8'];

  it.each(CONTENT_TYPES)('content-type %j: a signed delivery is processed, an unsigned one refused, onOutcome sees both', async (contentType) => {
    const outcomes: string[] = [];
    const receiver = createWebhookReceiver({
      verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
      handle: () => {},
      hooks: { onOutcome: (outcome) => void outcomes.push(outcome.code) },
    });
    const app = Fastify();
    await app.register(hookverifyFastify, { path: '/webhooks/peridio', receiver });
    const target = await start(app, '/webhooks/peridio');
    try {
      const signed = await signPeridio(releaseChangedBody());
      const { 'content-type': _sent, ...headers } = signed.headers;
      const send = (extra: Record<string, string>) =>
        rawRequest({ port: target.port!, path: '/webhooks/peridio', headers: { ...extra, 'content-type': contentType }, pieces: [signed.body as string], intervalMs: 1, closeWaitMs: 20 });
      const accepted = await send(headers);
      expect([accepted.status, accepted.body]).toEqual([200, '{"status":"processed"}']);
      const refused = await send({});
      expect([refused.status, refused.body]).toEqual([401, '{"error":"missing_header"}']);
      expect(outcomes).toEqual(['processed', 'missing_header']);
    } finally {
      await target.close();
    }
  });
});

describe('fastify: the app around the route', () => {
  it("runs the app's onRequest, async onSend and onResponse hooks for the webhook route, and answers once", async () => {
    const logs: string[] = [];
    const seen: string[] = [];
    const app = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => void logs.push(line) } } });
    app.addHook('onRequest', async () => void seen.push('onRequest'));
    app.addHook('preHandler', async () => void seen.push('preHandler'));
    app.addHook('onSend', async (_request, reply, payload) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      reply.header('x-app', 'yes');
      seen.push('onSend');
      return payload;
    });
    app.addHook('onResponse', async () => void seen.push('onResponse'));
    const receiver = createWebhookReceiver({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }), handle: () => {} });
    await app.register(hookverifyFastify, { path: '/webhooks/peridio', receiver });
    const target = await start(app, '/webhooks/peridio');
    try {
      const signed = await signPeridio(releaseChangedBody());
      const response = await target.send({ method: 'POST', headers: { ...signed.headers, 'content-type': 'json' }, body: signed.body });
      expect([response.status, response.body, response.headers.get('x-app')]).toEqual([200, '{"status":"processed"}', 'yes']);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual(['onRequest', 'onSend', 'onResponse']);
      expect(logs).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
