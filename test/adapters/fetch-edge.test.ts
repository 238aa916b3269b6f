// @vitest-environment edge-runtime
// The Fetch adapter with the globals of Vercel's edge runtime (what Next.js Edge routes and
// Pages Edge API routes get): Web Crypto, the runtime's own Request, Response and streams.
import { expect, it } from 'vitest';
import { createFetchHandler } from '../../src/adapters/fetch/index.js';
import { inProcess, runAdapterSuite } from './shared-suite.js';

it('is really the edge runtime', () => {
  expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string');
});

runAdapterSuite('fetch on the edge runtime', async (receiver) => inProcess(createFetchHandler(receiver), 'http://127.0.0.1/webhooks'), {
  repeatedHeaders: 'joined',
});
