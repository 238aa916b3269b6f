// App Router, Node.js runtime: POST /webhooks/peridio; every other method is answered 405
// method_not_allowed by hookverify (a route exporting only POST gets Next.js's empty 405).
import { createNextRouteHandlers } from 'hookverify/next';
import { createPeridioReceiver } from '../../../../shared/receivers';

// The receiver is built on the first request rather than at import, so `next build` needs no secrets.
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = createNextRouteHandlers(() => createPeridioReceiver());
