import { WebhookVerificationError } from 'hookverify';
import { readRequestBody } from 'hookverify/fetch';
import { createPeridioVerifier } from 'hookverify/peridio';

// Once, at startup: a bad secret throws here; the key is imported once, on the first request.
const verifier = createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });

export async function POST(request: Request): Promise<Response> {
  try {
    // The raw bytes (never JSON.stringify(parsedBody), which changes what was signed), read
    // only up to 1 MiB: a larger body is refused as it arrives, never held in memory.
    const body = await readRequestBody(request);
    const delivery = await verifier.verify({ body, headers: request.headers });
    console.log(delivery.id, delivery.payload); // id: the event PRN, for deduplication
    return new Response(null, { status: 200 });
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      const status = error.code === 'body_too_large' ? 413 : error.code === 'invalid_body' ? 400 : 401;
      return Response.json({ error: error.code }, { status });
    }
    throw error;
  }
}
