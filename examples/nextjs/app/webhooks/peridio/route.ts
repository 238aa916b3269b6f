// App Router, Node.js runtime: POST /webhooks/peridio
import { createNextRouteHandler } from 'hookverify/next';
import { createPeridioReceiver } from '../../../../shared/receivers';

// Built on the first request rather than at import, so `next build` needs no secrets.
let handle: ((request: Request) => Promise<Response>) | undefined;

export function POST(request: Request): Promise<Response> {
  handle ??= createNextRouteHandler(createPeridioReceiver());
  return handle(request);
}
