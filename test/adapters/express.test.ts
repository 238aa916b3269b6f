import type { Server } from 'node:http';
import express5 from 'express';
import express4 from 'express4';
import { describe, expect, it } from 'vitest';
import { createExpressHandler } from '../../src/adapters/express/index.js';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from './fixtures.js';
import { served } from './serve-node.js';
import { runAdapterSuite } from './shared-suite.js';

type ExpressFactory = typeof express5;

const versions: [string, ExpressFactory][] = [
  ['express 5', express5],
  ['express 4', express4],
];

function listen(app: ReturnType<ExpressFactory>): Server {
  return app.listen(0, '127.0.0.1');
}

for (const [label, express] of versions) {
  it(`${label} is the version under test`, async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const major = label === 'express 5' ? '5' : '4';
    const pkg = require(label === 'express 5' ? 'express/package.json' : 'express4/package.json') as { version: string };
    expect(pkg.version.split('.')[0]).toBe(major);
  });

  // Mounted as most apps will: before the app's JSON parser, on every method.
  runAdapterSuite(label, async (receiver) => {
    const app = express();
    app.all('/webhooks/peridio', createExpressHandler(receiver));
    app.use(express.json());
    return served(listen(app), '/webhooks/peridio');
  });

  // Behind express.raw(): the adapter takes the Buffer it leaves.
  runAdapterSuite(
    `${label} behind express.raw()`,
    async (receiver) => {
      const app = express();
      app.use(express.raw({ type: () => true, limit: '1mb' }));
      app.all('/webhooks/peridio', createExpressHandler(receiver));
      return served(listen(app), '/webhooks/peridio');
    },
    { frameworkReadsBody: true },
  );

  describe(`${label}: body parsers`, () => {
    const receiver = createWebhookReceiver({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }), handle: () => {} });

    it('refuses a body express.json() already parsed, with a ConfigurationError saying how to mount the route', async () => {
      const app = express();
      app.use(express.json());
      app.post('/webhooks/peridio', createExpressHandler(receiver));
      const errors: unknown[] = [];
      app.use((error: unknown, _req: unknown, res: { status(code: number): { json(body: unknown): void } }, _next: unknown) => {
        errors.push(error);
        res.status(500).json({ error: 'setup' });
      });
      const target = await served(listen(app), '/webhooks/peridio');
      try {
        const response = await target.send({ method: 'POST', ...(await signPeridio(releaseChangedBody())) });
        expect(response.status).toBe(500);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({ name: 'ConfigurationError', code: 'body_already_parsed' });
        expect((errors[0] as Error).message).toMatch(/before app\.use\(express\.json\(\)\)/);
        expect((errors[0] as Error).message).toMatch(/express\.raw/);
      } finally {
        await target.close();
      }
    });

    it('reads the stream when express.json() skipped the request (another content type)', async () => {
      const app = express();
      app.use(express.json());
      app.post('/webhooks/peridio', createExpressHandler(receiver));
      const target = await served(listen(app), '/webhooks/peridio');
      try {
        const signed = await signPeridio(releaseChangedBody());
        const response = await target.send({
          method: 'POST',
          headers: { ...signed.headers, 'content-type': 'application/octet-stream' },
          body: signed.body,
        });
        expect(response.status).toBe(200);
      } finally {
        await target.close();
      }
    });

    it('leaves JSON parsing of the app\'s other routes alone', async () => {
      const app = express();
      app.post('/webhooks/peridio', createExpressHandler(receiver));
      app.use(express.json());
      app.post('/api/echo', (req, res) => {
        res.json({ got: req.body });
      });
      const target = await served(listen(app), '/api/echo');
      try {
        const response = await target.send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
        expect(JSON.parse(response.body)).toEqual({ got: { a: 1 } });
      } finally {
        await target.close();
      }
    });
  });
}
