// The suite's entry on Node, Bun and Deno (`node cli.mjs`, `bun cli.mjs`, `deno run -A cli.mjs`):
// each round trip goes through the runtime's own server, and the report is the last line of stdout.
import { runConformance } from './run.mjs';

async function nodeServe(handler) {
  const { createServer } = await import('node:http');
  const { Readable } = await import('node:stream');
  // Node's http has no fetch handler of its own: the bridge a Node user writes (or @hono/node-server).
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Readable.toWeb(req);
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body, duplex: 'half' }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(new Uint8Array(await response.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { fetch: (path, init) => fetch(base + path, init), close: () => new Promise((resolve) => server.close(resolve)) };
}

function bunServe(handler) {
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handler });
  const base = `http://127.0.0.1:${server.port}`;
  return { fetch: (path, init) => fetch(base + path, init), close: () => server.stop(true) };
}

function denoServe(handler) {
  const server = Deno.serve({ port: 0, hostname: '127.0.0.1', onListen() {} }, handler);
  const base = `http://127.0.0.1:${server.addr.port}`;
  return { fetch: (path, init) => fetch(base + path, init), close: () => server.shutdown() };
}

const runtime =
  typeof Bun !== 'undefined'
    ? { name: 'bun', version: Bun.version, serve: bunServe, server: 'Bun.serve' }
    : typeof Deno !== 'undefined'
      ? { name: 'deno', version: Deno.version.deno, serve: denoServe, server: 'Deno.serve' }
      : { name: 'node', version: process.versions.node, serve: nodeServe, server: 'node:http' };

const report = await runConformance({ runtime: { name: runtime.name, version: runtime.version }, serve: runtime.serve, server: runtime.server });
console.log(JSON.stringify(report));
