import { describe, expect, it } from 'vitest';
import { createFetchHandler } from '../../src/adapters/fetch/index.js';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { countingStream } from '../helpers/counting-stream.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from './fixtures.js';
import { inProcess, runAdapterSuite } from './shared-suite.js';

// In process: a Fetch handler is a function of a Request, which is what Bun, Deno and Workers call.
runAdapterSuite('fetch', async (receiver) => inProcess(createFetchHandler(receiver), 'http://127.0.0.1/webhooks'), {
  repeatedHeaders: 'joined',
});

describe('fetch: reading stops at the limit', () => {
  it('cancels an oversized streamed body after the limit, pulling no more of it than needed', async () => {
    const handler = createFetchHandler(
      createWebhookReceiver({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }), maxBodyBytes: 64 * 1024, handle: () => {} }),
    );
    const { headers } = await signPeridio(releaseChangedBody());
    // 256 MiB announced by nothing but the stream itself (chunked, no content-length).
    const { stream, use } = countingStream({ totalBytes: 256 * 1024 * 1024, chunkBytes: 16 * 1024 });
    const response = await handler(new Request('http://127.0.0.1/webhooks', { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit));
    expect([response.status, await response.text()]).toEqual([413, '{"error":"body_too_large"}']);
    expect(use.cancelled).toBe(true);
    // 4 chunks fill the limit, the 5th crosses it; one more may have been queued ahead.
    expect(use.chunks).toBeLessThanOrEqual(6);
  });
});
