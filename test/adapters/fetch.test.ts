import { createFetchHandler } from '../../src/adapters/fetch/index.js';
import { runAdapterSuite } from './shared-suite.js';

// In process: a Fetch handler is a function of a Request, which is what Bun, Deno and Workers call.
runAdapterSuite('fetch', async (receiver) => {
  const handler = createFetchHandler(receiver);
  return {
    async send(request) {
      const streamed = request.body instanceof ReadableStream;
      const response = await handler(
        new Request('http://127.0.0.1/webhooks', {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(streamed ? { duplex: 'half' } : {}),
        } as RequestInit),
      );
      return { status: response.status, headers: response.headers, body: await response.text() };
    },
    close: async () => {},
  };
});
