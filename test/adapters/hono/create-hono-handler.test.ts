// Hono in process, on Node: the shared adapter suite through app.fetch, and what only Hono can
// get wrong, a middleware that read the body through Hono's cached helpers first. The same
// handler behind each runtime's own server is in test/runtimes (scripts/ci/66-runtimes.sh).
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createHonoHandler } from '../../../src/adapters/hono/index.js';
import { createWebhookReceiver } from '../../../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../../../src/senders/peridio/verifier.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from '../fixtures.js';
import { inProcess, runAdapterSuite } from '../shared-suite.js';

runAdapterSuite(
  'hono',
  async (receiver) => {
    const app = new Hono();
    app.all('/webhooks', createHonoHandler(receiver));
    return inProcess((request) => Promise.resolve(app.fetch(request)), 'http://127.0.0.1/webhooks');
  },
  { repeatedHeaders: 'joined' },
);

describe('hono: the body is read once, raw', () => {
  async function appWith(before: (c: { req: { json(): Promise<unknown>; text(): Promise<string> } }) => Promise<unknown>) {
    const errors: unknown[] = [];
    const received: unknown[] = [];
    const receiver = createWebhookReceiver({
      verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
      handle: (payload) => void received.push(payload),
      hooks: { onError: (error) => void errors.push(error) },
    });
    const app = new Hono();
    app.use('/webhooks', async (c, next) => {
      await before(c);
      await next();
    });
    app.post('/webhooks', createHonoHandler(receiver));
    const body = releaseChangedBody();
    const { headers } = await signPeridio(body);
    const response = await app.request('/webhooks', { method: 'POST', headers, body });
    return { response, errors, received, body };
  }

  it('verifies the bytes as sent when nothing read them first', async () => {
    const { response, received, body } = await appWith(async () => {});
    expect(response.status).toBe(200);
    expect(received).toEqual([JSON.parse(body)]);
  });

  for (const helper of ['json', 'text'] as const) {
    it(`answers 500 body_already_parsed, never a re-serialized body, after a middleware called c.req.${helper}()`, async () => {
      const { response, errors, received } = await appWith((c) => c.req[helper]());
      expect([response.status, await response.text()]).toEqual([500, '{"error":"body_already_parsed"}']);
      expect(received).toEqual([]);
      expect(errors).toMatchObject([{ name: 'ConfigurationError', code: 'body_already_parsed' }]);
    });
  }

  it('names the handler, so a stack trace reads well', () => {
    const receiver = createWebhookReceiver({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }), handle: () => {} });
    expect(createHonoHandler(receiver).name).toBe('hookverifyHonoHandler');
  });
});
