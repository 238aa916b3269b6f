// App Router, Edge runtime: POST /webhooks/edgesense (hookverify uses Web Crypto here); every
// other method is answered 405 method_not_allowed by hookverify.
import { createNextRouteHandlers } from 'hookverify/next';
import { createEdgeSenseReceiver } from '../../../../shared/receivers';

export const runtime = 'edge';

// Built on the first request, so `next build` needs no secrets.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = createNextRouteHandlers(() => createEdgeSenseReceiver());
