import type { Server } from 'node:http';
import express5 from 'express';
import express4 from 'express4';
import { describe, expect, it, vi } from 'vitest';
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

    it('behind express.json(): 500 body_already_parsed as JSON, onError told, the fix printed once, next() never called', async () => {
      const errors: unknown[] = [];
      const parsedReceiver = createWebhookReceiver({
        verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
        handle: () => {},
        hooks: { onError: (error) => void errors.push(error) },
      });
      const app = express();
      app.use(express.json());
      app.post('/webhooks/peridio', createExpressHandler(parsedReceiver));
      const errorHandler = vi.fn((_error: unknown, _req: unknown, res: { status(code: number): { send(body: string): void } }, _next: unknown) => {
        res.status(500).send('<html>stack trace</html>');
      });
      app.use(errorHandler);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const target = await served(listen(app), '/webhooks/peridio');
      try {
        const signed = await signPeridio(releaseChangedBody());
        for (let i = 0; i < 3; i++) {
          const response = await target.send({ method: 'POST', ...signed });
          expect([response.status, response.body]).toEqual([500, '{"error":"body_already_parsed"}']);
          expect(response.headers.get('content-type')).toBe('application/json');
        }
        expect(errorHandler).not.toHaveBeenCalled();
        expect(errors).toHaveLength(3);
        expect(errors[0]).toMatchObject({ name: 'ConfigurationError', code: 'body_already_parsed' });
        expect(warn).toHaveBeenCalledTimes(1);
        const printed = String(warn.mock.calls[0]![0]);
        expect(printed).toBe(`hookverify: ${(errors[0] as Error).message}`);
        expect(printed).toContain("app.post('/webhooks/peridio', handler) above app.use(express.json())");
        expect(printed).toContain("req.path === '/webhooks/peridio' ? next() : json(req, res, next)");
        for (const secretOrBody of [PERIDIO_SECRET, signed.headers['peridio-signature']!, 'release_changed']) expect(printed).not.toContain(secretOrBody);
      } finally {
        warn.mockRestore();
        await target.close();
      }
    });

    it('the advised fix works: express.json() first, skipped on the webhook path', async () => {
      const app = express();
      // Exactly what the printed message advises.
      const json = express.json();
      app.use((req, res, next) => (req.path === '/webhooks/peridio' ? next() : json(req, res, next)));
      app.post('/webhooks/peridio', createExpressHandler(receiver));
      app.post('/api/echo', (req, res) => {
        res.json({ got: req.body });
      });
      const target = await served(listen(app), '/webhooks/peridio');
      try {
        const response = await target.send({ method: 'POST', ...(await signPeridio(releaseChangedBody())) });
        expect([response.status, response.body]).toEqual([200, '{"status":"processed"}']);
        const echo = await fetch(`http://127.0.0.1:${target.port}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
        expect(await echo.json()).toEqual({ got: { a: 1 } });
      } finally {
        await target.close();
      }
    });

    it('express.raw() after express.json() does not help (so the message does not advise it)', async () => {
      const app = express();
      app.use(express.json());
      app.use(express.raw({ type: () => true }));
      app.post('/webhooks/peridio', createExpressHandler(receiver));
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const target = await served(listen(app), '/webhooks/peridio');
      try {
        const response = await target.send({ method: 'POST', ...(await signPeridio(releaseChangedBody())) });
        expect([response.status, response.body]).toEqual([500, '{"error":"body_already_parsed"}']);
        expect(String(warn.mock.calls[0]![0])).not.toContain('express.raw');
      } finally {
        warn.mockRestore();
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
