// An Express app receiving Peridio and EdgeSense webhooks. Run: `npx tsx examples/express/server.ts`
// with PERIDIO_WEBHOOK_SECRET and EDGESENSE_WEBHOOK_SECRET set (PORT optional, 0 picks one).
import express from 'express';
import { createExpressHandler } from 'hookverify/express';
import { nodeLog } from '../shared/node-log.js';
import { createEdgeSenseReceiver, createPeridioReceiver } from '../shared/receivers.js';

const app = express();

// Webhook routes first: they need the raw bytes, which express.json() would consume.
app.all('/webhooks/peridio', createExpressHandler(createPeridioReceiver({ log: nodeLog })));
app.all('/webhooks/edgesense', createExpressHandler(createEdgeSenseReceiver({ log: nodeLog })));

// The rest of the app parses JSON as usual.
app.use(express.json());
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : process.env.PORT;
  console.log(`listening on http://127.0.0.1:${port}`);
});
