// The receiver process of the BullMQ crash test: acknowledge-first on 127.0.0.1:$PORT, handing
// each verified delivery to the queue. Started (and, after its SIGKILL, started again) by
// test/durable/bullmq/bullmq-crash.test.ts.
import { Queue } from 'bullmq';
import { createBullMQHandoff } from '../../src/durable/bullmq/index.js';
import { startQueueReceiver } from './queue-receiver.js';

const queue = new Queue(process.env.QUEUE_NAME!, { connection: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) } });
await startQueueReceiver(createBullMQHandoff(queue, { attempts: 4, backoff: { type: 'fixed', delay: 50 } }), { port: Number(process.env.PORT) });
process.send!({ type: 'ready' });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void queue.close().then(() => process.exit(0));
});
