import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createNextApiHandler, createNextRouteHandler } from '../../src/adapters/next/index.js';
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

describe('next (Pages Router): body parser left on', () => {
  it('answers 500 body_already_parsed and tells onError how to turn the parser off', async () => {
    const errors: unknown[] = [];
    const handler = createNextApiHandler(
      createWebhookReceiver({
        verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
        handle: () => {},
        hooks: { onError: (error) => errors.push(error) },
      }),
    );
    // What Next.js does when the route has no `config`: it reads the stream and sets req.body.
    const server = createServer((req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => void handler(Object.assign(req, { body: JSON.parse(text) as unknown }), res));
    }).listen(0, '127.0.0.1');
    const target = await served(server, '/api/webhooks/peridio');
    try {
      const response = await target.send({ method: 'POST', ...(await signPeridio(releaseChangedBody())) });
      expect([response.status, JSON.parse(response.body)]).toEqual([500, { error: 'body_already_parsed' }]);
      expect(errors[0]).toMatchObject({ name: 'ConfigurationError', code: 'body_already_parsed' });
      expect((errors[0] as Error).message).toContain('export const config = { api: { bodyParser: false } }');
    } finally {
      await target.close();
    }
  });
});
