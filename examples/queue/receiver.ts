// The queue variant of examples/express: the receiver only verifies and hands each event to a
// BullMQ queue in Redis, answering 2xx once Redis has the job; examples/queue/worker.ts does the
// work. Run: `npx tsx examples/queue/receiver.ts` with REDIS_URL, PERIDIO_WEBHOOK_SECRET and
// EDGESENSE_WEBHOOK_SECRET set (PORT optional, 0 picks one). Start as many as you like.
import { Queue } from 'bullmq';
import express from 'express';
import { createWebhookReceiver, type ReceiverOutcome } from 'hookverify';
import { createBullMQHandoff } from 'hookverify/bullmq';
import { createEdgeSenseVerifier } from 'hookverify/edgesense';
import { edgesenseEvents } from 'hookverify/edgesense/events';
import { createExpressHandler } from 'hookverify/express';
import { createPeridioVerifier } from 'hookverify/peridio';
import { peridioEvents } from 'hookverify/peridio/events';
import { nodeLog } from '../shared/node-log.js';
import { QUEUES, redisConnection, required } from './settings.js';

/** A queue per sender, so each worker parses with one catalog. */
function handoffTo(queueName: string) {
  // enableOfflineQueue: false: with Redis unreachable, add() fails at once and the sender gets 503.
  const queue = new Queue(queueName, { connection: { ...redisConnection(), enableOfflineQueue: false } });
  queue.on('error', (error) => console.error('redis:', error.message));
  return createBullMQHandoff(queue, { attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
}

const logOutcome = ({ sender, code, status, event, deliveryId }: ReceiverOutcome) =>
  nodeLog({ outcome: code, status, sender, event, deliveryId });

const peridioReceiver = createWebhookReceiver({
  verifier: createPeridioVerifier({ secret: required('PERIDIO_WEBHOOK_SECRET') }),
  events: peridioEvents,
  mode: 'acknowledge-first',
  handle: handoffTo(QUEUES.peridio),
  hooks: { onOutcome: logOutcome },
});
const edgesenseReceiver = createWebhookReceiver({
  verifier: createEdgeSenseVerifier({ secret: required('EDGESENSE_WEBHOOK_SECRET') }),
  events: edgesenseEvents,
  mode: 'acknowledge-first',
  // EdgeSense gives up after 3 s: answer 503 well before, so it retries.
  handoffTimeout: '2s',
  handle: handoffTo(QUEUES.edgesense),
  hooks: { onOutcome: logOutcome },
});

const app = express();
app.all('/webhooks/peridio', createExpressHandler(peridioReceiver));
app.all('/webhooks/edgesense', createExpressHandler(edgesenseReceiver));

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : process.env.PORT;
  console.log(`listening on http://127.0.0.1:${port}`);
});
