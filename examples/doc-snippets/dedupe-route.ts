import { createDeduplicator, dedupeHttpStatus } from 'hookverify/dedupe';
import { readRequestBody } from 'hookverify/fetch';
import { createRedisStore } from 'hookverify/redis';
import { createPeridioVerifier, peridio } from 'hookverify/peridio';
import { Redis } from 'ioredis';
import { saveEvent } from './save-event.js'; // your own code

const verifier = createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });
const dedupe = createDeduplicator({
  store: createRedisStore({ client: new Redis(process.env.REDIS_URL!) }), // omit for one process
  retention: peridio, // remember completed events for Peridio's 3-day horizon plus a day
});

export async function POST(request: Request): Promise<Response> {
  // Both throw a WebhookVerificationError for a refused delivery: answer it as the README's quick start does.
  const delivery = await verifier.verify({ body: await readRequestBody(request), headers: request.headers });
  const outcome = await dedupe.run(delivery, () => saveEvent(delivery.payload));
  return new Response(null, { status: dedupeHttpStatus(outcome) });
}
