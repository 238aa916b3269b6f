// A Fastify app receiving Peridio and EdgeSense webhooks. Run: `npx tsx examples/fastify/server.ts`
// with PERIDIO_WEBHOOK_SECRET and EDGESENSE_WEBHOOK_SECRET set (PORT optional, 0 picks one).
import Fastify from 'fastify';
import { hookverifyFastify } from 'hookverify/fastify';
import { nodeLog } from '../shared/node-log.js';
import { createEdgeSenseReceiver, createPeridioReceiver } from '../shared/receivers.js';

const app = Fastify();

// Each registration is one webhook route that reads its raw bytes itself; JSON parsing elsewhere is untouched.
await app.register(hookverifyFastify, { path: '/webhooks/peridio', receiver: createPeridioReceiver({ log: nodeLog }) });
await app.register(hookverifyFastify, { path: '/webhooks/edgesense', receiver: createEdgeSenseReceiver({ log: nodeLog }) });

app.post('/api/echo', async (request) => ({ received: request.body }));

const address = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(`listening on ${address}`);
