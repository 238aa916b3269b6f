import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createNextApiHandler, createNextRouteHandler, createNextRouteHandlers } from '../../src/adapters/next/index.js';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from './fixtures.js';
import { served } from './serve-node.js';
import { inProcess, runAdapterSuite } from './shared-suite.js';

// The App Router calls a route handler with a Request; `next build` + `next start` of
// examples/nextjs runs it inside Next.js on both runtimes (test/examples/nextjs.test.ts).
runAdapterSuite(
  'next (App Router)',
  async (receiver) => inProcess(createNextRouteHandler(receiver), 'http://127.0.0.1/webhooks/peridio'),
  { repeatedHeaders: 'joined' },
);

// With `bodyParser: false` a Pages Router API route gets Node's request and response as they are.
runAdapterSuite('next (Pages Router)', async (receiver) => {
  const handler = createNextApiHandler(receiver);
  const server = createServer((req, res) => void handler(req, res)).listen(0, '127.0.0.1');
  return served(server, '/api/webhooks/peridio');
});

// The Pages Router with its body parser left on runs on real Next.js: test/examples/nextjs.e2e.ts.

describe('next (App Router): createNextRouteHandlers', () => {
  const verifier = createPeridioVerifier({ secret: PERIDIO_SECRET });
  const call = (handler: (request: Request) => Promise<Response>, method: string, init: RequestInit = {}) =>
    handler(new Request('http://127.0.0.1/webhooks/peridio', { method, ...init }));

  it('answers POST with the pipeline and every other method with its 405 method_not_allowed, Allow: POST', async () => {
    const outcomes: string[] = [];
    const handlers = createNextRouteHandlers(
      createWebhookReceiver({ verifier, handle: () => {}, hooks: { onOutcome: (outcome) => void outcomes.push(outcome.code) } }),
    );
    const signed = await signPeridio(releaseChangedBody());
    const posted = await call(handlers.POST, 'POST', { headers: signed.headers, body: signed.body as string });
    expect([posted.status, await posted.text()]).toEqual([200, '{"status":"processed"}']);
    for (const method of ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      const response = await call(handlers[method], method);
      expect([method, response.status, response.headers.get('allow')]).toEqual([method, 405, 'POST']);
      if (method !== 'HEAD') expect(await response.text()).toBe('{"error":"method_not_allowed"}');
    }
    expect(outcomes).toEqual(['processed', ...Array(6).fill('method_not_allowed')]);
  });

  it('builds the receiver from a factory on the first request, once, and again after a factory that threw', async () => {
    let calls = 0;
    const env: { secret?: string } = {};
    const handlers = createNextRouteHandlers(() => {
      calls++;
      return createWebhookReceiver({ verifier: createPeridioVerifier({ secret: env.secret }), handle: () => {} });
    });
    expect(calls).toBe(0); // what `next build` does: load the route file, call nothing
    await expect(call(handlers.POST, 'POST', { body: '{}' })).rejects.toMatchObject({ code: 'invalid_secret' });
    env.secret = PERIDIO_SECRET;
    expect((await call(handlers.GET, 'GET')).status).toBe(405);
    expect((await call(handlers.POST, 'POST', { body: '{}' })).status).toBe(401);
    expect(calls).toBe(2);
    expect(() => createNextRouteHandlers({} as never)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });
});
