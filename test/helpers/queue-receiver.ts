// A webhook receiver in acknowledge-first mode on 127.0.0.1, handing each verified Peridio
// delivery to a queue through the given hand-off, served by the Express adapter as a user would.
import { createServer } from 'node:http';
import express from 'express';
import type { DeliveryContext } from '../../src/core/pipeline/create-webhook-receiver.js';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import type { Duration } from '../../src/core/duration.js';
import { createExpressHandler } from '../../src/adapters/express/index.js';
import { peridioEvents } from '../../src/senders/peridio/events/index.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { PERIDIO_SECRET, signPeridio } from '../adapters/fixtures.js';
import { served } from '../adapters/serve-node.js';
import type { MountedReceiver } from '../adapters/shared-suite.js';

export async function startQueueReceiver(
  handoff: (event: unknown, context: DeliveryContext) => Promise<void>,
  options: { handoffTimeout?: Duration; port?: number } = {},
): Promise<MountedReceiver> {
  const receiver = createWebhookReceiver({
    verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
    events: peridioEvents,
    mode: 'acknowledge-first',
    handoffTimeout: options.handoffTimeout ?? '2s',
    handle: handoff,
  });
  const app = express();
  app.post('/webhooks/peridio', createExpressHandler(receiver));
  const server = createServer(app).listen(options.port ?? 0, '127.0.0.1');
  return served(server, '/webhooks/peridio');
}

/** Polls `check` until it holds, or fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 15_000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Signs and posts `body`; 0 for a connection that failed, as a sender sees a server that is gone. */
export async function postSigned(receiver: MountedReceiver, body: string): Promise<number> {
  const signed = await signPeridio(body);
  try {
    return (await receiver.send({ method: 'POST', headers: signed.headers, body: signed.body })).status;
  } catch {
    return 0;
  }
}

/** A sender retrying each body every 100 ms until it gets its 200. */
export async function postUntilAcknowledged(receiver: MountedReceiver, bodies: readonly string[]): Promise<void> {
  await Promise.all(
    bodies.map(async (body) => {
      for (let attempt = 0; (await postSigned(receiver, body)) !== 200; attempt++) {
        if (attempt > 100) throw new Error('still refused after the engine returned');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }),
  );
}
