// Mounting any verifier in a Fetch-style route (Next.js route handlers, Hono, Workers, Deno,
// Bun): read the raw bytes within the limit, verify, answer with a status the sender understands.
import { WebhookVerificationError, type VerifiedDelivery, type Verifier } from 'hookverify';
import { readRequestBody } from 'hookverify/fetch';

/** What each refusal answers: 413 and 400 are the sender's fault, 401 an untrusted request. */
export function statusFor(error: WebhookVerificationError): number {
  switch (error.code) {
    case 'body_too_large':
      return 413;
    case 'invalid_body':
      return 400;
    default:
      return 401;
  }
}

export function createWebhookHandler(
  verifier: Verifier,
  handle: (delivery: VerifiedDelivery) => Promise<void> | void,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    let delivery: VerifiedDelivery;
    try {
      // The raw bytes: never `JSON.stringify(await request.json())`, which changes what was signed.
      // readRequestBody stops at 1 MiB (the verifier's default maxBodyBytes) and throws
      // body_too_large; `await request.arrayBuffer()` would hold a body of any size first.
      const body = await readRequestBody(request);
      delivery = await verifier.verify({ body, headers: request.headers });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      // The code says why, without revealing anything an attacker could use.
      return Response.json({ error: error.code }, { status: statusFor(error) });
    }
    await handle(delivery);
    return new Response(null, { status: 204 });
  };
}
