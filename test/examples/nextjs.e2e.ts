import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exerciseExample, expectedExchange, startExample, type RunningExample } from './run-example.js';

const NEXT = 'node_modules/next/dist/bin/next';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let app: RunningExample;
beforeAll(async () => {
  // `next build` as a user would run it: no secrets at build time, nothing fetched.
  const build = spawnSync('node', [NEXT, 'build', 'examples/nextjs'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 200_000,
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  app = await startExample('node', [NEXT, 'start', 'examples/nextjs', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: process.cwd(),
    ready: /Ready in/,
    baseUrl: `http://127.0.0.1:${port}`,
  });
}, 240_000);
afterAll(() => app?.stop());

it('App Router on Node (Peridio) and on Edge (EdgeSense) receive every event once and refuse forgeries', async () => {
  const results = await exerciseExample({
    peridio: `${app.baseUrl}/webhooks/peridio`,
    edgesense: `${app.baseUrl}/webhooks/edgesense`,
  });
  expect(results).toEqual(expectedExchange());
});

it('Pages Router API route with the body parser off receives Peridio events', async () => {
  const results = await exerciseExample({
    peridio: `${app.baseUrl}/api/webhooks/peridio`,
    edgesense: `${app.baseUrl}/webhooks/edgesense`,
  });
  expect(results).toEqual(expectedExchange());
});

it('answers 405 for GET on a route that exports only POST', async () => {
  const response = await fetch(`${app.baseUrl}/webhooks/peridio`);
  expect(response.status).toBe(405);
});
