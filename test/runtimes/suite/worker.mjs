// The suite's entry on workerd: GET /conformance runs it and answers the report. Each round
// trip mounts its handler under a path of its own and reaches it over real HTTP through the
// LOOP binding, an external service pointing at this worker's own socket.
import { runConformance } from './run.mjs';

const mounted = new Map();
let mounts = 0;

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/conformance') {
      const serve = async (handler) => {
        const prefix = `/mounted/${mounts++}`;
        mounted.set(prefix, handler);
        return {
          fetch: (path, init) => env.LOOP.fetch(`http://127.0.0.1${prefix}${path}`, init),
          close: async () => void mounted.delete(prefix),
        };
      };
      const report = await runConformance({ runtime: { name: 'workerd', version: url.searchParams.get('version') }, serve, server: 'workerd fetch handler' });
      return Response.json(report);
    }
    const prefix = url.pathname.split('/').slice(0, 3).join('/');
    const handler = mounted.get(prefix);
    if (!handler) return new Response('no such mount', { status: 404 });
    return handler(new Request(new URL(url.pathname.slice(prefix.length) + url.search, url), request));
  },
};
