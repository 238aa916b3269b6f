// App Router, Edge runtime: POST /webhooks/edgesense (hookverify uses Web Crypto here).
import { createNextRouteHandler } from 'hookverify/next';
import { createEdgeSenseReceiver } from '../../../../shared/receivers';

export const runtime = 'edge';

let handle: ((request: Request) => Promise<Response>) | undefined;

export function POST(request: Request): Promise<Response> {
  handle ??= createNextRouteHandler(createEdgeSenseReceiver());
  return handle(request);
}
