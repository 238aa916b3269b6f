// @vitest-environment edge-runtime
// Runs with the globals of Vercel's edge runtime (what Next.js Edge routes get): no node:crypto
// is promised there, so hookverify must pick Web Crypto and still pass every vector.
import { describe, expect, it } from 'vitest';
import { defaultCryptoBackend } from '../../src/crypto/default.js';
import { createPeridioVerifier } from '../../src/senders/peridio/index.js';
import { describeBackendVectors } from './vector-suite.js';
import { DELIVERIES } from './vectors.js';

describe('edge runtime', () => {
  it('is really the edge runtime', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string');
  });

  it('chooses Web Crypto by default', () => {
    expect(defaultCryptoBackend().name).toBe('web');
  });

  it('verifies with no backend option, from the runtime’s own Uint8Array and ArrayBuffer', async () => {
    const vector = DELIVERIES.find((entry) => entry.sender === 'peridio')!;
    const verifier = createPeridioVerifier({ secret: vector.secret, now: () => vector.nowMs });
    const bytes = new TextEncoder().encode(vector.body);
    const headers = new Headers(vector.headers);
    await expect(verifier.verify({ body: bytes, headers })).resolves.toMatchObject({ sender: 'peridio' });
    await expect(verifier.verify({ body: bytes.buffer, headers })).resolves.toMatchObject({ sender: 'peridio' });
    await expect(verifier.verify({ body: await new Response(vector.body).arrayBuffer(), headers })).resolves.toMatchObject({
      sender: 'peridio',
    });
  });
});

describeBackendVectors('default backend on the edge', () => defaultCryptoBackend());
