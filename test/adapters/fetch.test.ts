import { createFetchHandler } from '../../src/adapters/fetch/index.js';
import { inProcess, runAdapterSuite } from './shared-suite.js';

// In process: a Fetch handler is a function of a Request, which is what Bun, Deno and Workers call.
runAdapterSuite('fetch', async (receiver) => inProcess(createFetchHandler(receiver), 'http://127.0.0.1/webhooks'), {
  repeatedHeaders: 'joined',
});
