// examples/nextjs under real Next.js: one `next build` and `next start`, of a copy of the example
// with one route added that makes the Pages Router mistake (no `bodyParser: false`), so the
// user-facing example stays as it should be written. The copy sits beside the example, so its
// relative imports of examples/shared and its next.config.mjs hold unchanged.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { peridio } from '../../src/senders/peridio/sender.js';
import { samplePeridioEvent } from '../../src/testing/sample-events.js';
import { signDelivery } from '../../src/testing/sign-delivery.js';
import { EXAMPLE_ENV, exerciseExample, expectedExchange, startExample, type RunningExample } from './run-example.js';

const NEXT = 'node_modules/next/dist/bin/next';
const COPY = 'examples/nextjs-e2e-build';

// What a developer writes when they forget the config: Next.js parses the body first.
const BODY_PARSER_LEFT_ON = `// Added by test/examples/nextjs.e2e.ts: the Pages Router mistake, no \\\`config\\\` export.
import { createWebhookReceiver } from 'hookverify';
import { createNextApiHandler, type NextApiHandlerLike } from 'hookverify/next';
import { createPeridioVerifier } from 'hookverify/peridio';

let handle: NextApiHandlerLike | undefined;

const parsed: NextApiHandlerLike = (req, res) => {
  handle ??= createNextApiHandler(
    createWebhookReceiver({
      verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
      handle: () => {},
      hooks: { onError: (error) => console.log(\`onError saw \${(error as { code?: string }).code}\`) },
    }),
  );
  return handle(req, res);
};
export default parsed;
`;

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
  rmSync(COPY, { recursive: true, force: true });
  cpSync('examples/nextjs', COPY, { recursive: true, filter: (source) => !/[\\/](\.next|next-env\.d\.ts|.*\.tsbuildinfo)$/.test(source) });
  writeFileSync(`${COPY}/pages/api/webhooks/parsed.ts`, BODY_PARSER_LEFT_ON);
  // `next build` as a user would run it: no secrets at build time, nothing fetched.
  const build = spawnSync('node', [NEXT, 'build', COPY], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 200_000,
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  app = await startExample('node', [NEXT, 'start', COPY, '-H', '127.0.0.1', '-p', String(port)], {
    cwd: process.cwd(),
    ready: /Ready in/,
    baseUrl: `http://127.0.0.1:${port}`,
  });
}, 240_000);
afterAll(async () => {
  await app?.stop();
  rmSync(COPY, { recursive: true, force: true });
});

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

it.each(['/webhooks/peridio', '/webhooks/edgesense'])('%s answers other methods with the pipeline’s 405, Allow: POST', async (path) => {
  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    const response = await fetch(`${app.baseUrl}${path}`, { method });
    expect([method, response.status, response.headers.get('allow'), await response.text()]).toEqual([
      method,
      405,
      'POST',
      '{"error":"method_not_allowed"}',
    ]);
  }
  const head = await fetch(`${app.baseUrl}${path}`, { method: 'HEAD' });
  expect([head.status, head.headers.get('allow')]).toEqual([405, 'POST']);
});

it('Pages Router with the body parser left on: 500 body_already_parsed, onError told, the fix printed once', async () => {
  for (let i = 0; i < 2; i++) {
    const signed = await signDelivery(peridio, { secret: EXAMPLE_ENV.PERIDIO_WEBHOOK_SECRET, body: samplePeridioEvent('device.connected') });
    const response = await fetch(`${app.baseUrl}/api/webhooks/parsed`, { method: 'POST', headers: signed.headers, body: signed.body as string });
    expect([response.status, await response.text()]).toEqual([500, '{"error":"body_already_parsed"}']);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  const output = app.output();
  expect(output.match(/onError saw body_already_parsed/g)).toHaveLength(2);
  expect(output.match(/hookverify: Next\.js parsed this request body/g)).toHaveLength(1);
  expect(output).toContain('export const config = { api: { bodyParser: false } }');
});
