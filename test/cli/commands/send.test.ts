import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from '../../../src/core/verifier.js';
import { edgesense } from '../../../src/senders/edgesense/sender.js';
import { peridio } from '../../../src/senders/peridio/sender.js';
import type { Sender } from '../../../src/core/sender.js';
import { samplePeridioEventNames } from '../../../src/testing/sample-events.js';
import { EXAMPLE_ENV, startExample, type RunningExample } from '../../examples/run-example.js';
import { expectNoSecret, SECRETS } from '../fixtures.js';
import { ensureBuiltCli, runCli } from '../run-cli.js';

beforeAll(() => ensureBuiltCli(), 120_000);

const env = { ...SECRETS };

interface Summary {
  deliveries: number;
  events: number;
  retries: number;
  statuses: Record<string, number>;
  firstDeliveries: Record<string, number>;
  retryStatuses: Record<string, number>;
  examples: Record<string, string>;
  concurrency: number;
  latencyMs: { p50: number; p95: number; max: number };
}

/** A receiver that verifies with the library, remembers what it saw, and answers as told. */
function startReceiver(sender: Sender, secret: string, options: { delayMs?: number; hang?: boolean } = {}) {
  const verifier = createVerifier(sender, { secret });
  const seen: { id: string | undefined; type: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      if (options.hang) return;
      const outcome = await verifier.safeVerify({ body: Buffer.concat(chunks), headers: request.headers });
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
      inFlight--;
      if (!outcome.ok) {
        response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: outcome.code }));
        return;
      }
      const payload = outcome.delivery.payload as { type: string; data?: { type: string }; event?: string };
      seen.push({ id: outcome.delivery.id, type: payload.event ?? `${payload.type}.${payload.data?.type}` });
      response.writeHead(200).end('ok');
    });
  });
  return {
    seen,
    maxInFlight: () => maxInFlight,
    async url(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let receiver: ReturnType<typeof startReceiver> | undefined;
afterEach(() => receiver?.close());

async function send(args: string[]): Promise<{ code: number | null; summary: Summary; stderr: string }> {
  const result = await runCli(['send', ...args, '--json'], { env });
  expectNoSecret(result);
  return { code: result.code, summary: JSON.parse(result.stdout) as Summary, stderr: result.stderr };
}

describe('hookverify send', () => {
  it('posts signed events of each type in turn, each retried once with --duplicates, with at most --concurrency in flight', async () => {
    receiver = startReceiver(peridio, SECRETS.PERIDIO_SECRET, { delayMs: 20 });
    const url = await receiver.url();
    const { code, summary, stderr } = await send([
      'peridio', 'device.release_changed', 'device.connected', '--url', url, '--secret-env', 'PERIDIO_SECRET',
      '--count', '12', '--duplicates', '--concurrency', '3',
    ]);
    expect(code).toBe(0);
    // Piped stderr is not a terminal: no progress bar, nothing at all.
    expect(stderr).toBe('');
    expect(summary).toMatchObject({
      deliveries: 24, events: 12, retries: 12, concurrency: 3,
      statuses: { '200': 24 }, firstDeliveries: { '200': 12 }, retryStatuses: { '200': 12 },
    });
    expect(receiver.seen).toHaveLength(24);
    const ids = new Map<string, number>();
    for (const { id } of receiver.seen) ids.set(id!, (ids.get(id!) ?? 0) + 1);
    expect([...ids.values()]).toEqual(new Array(12).fill(2));
    expect(receiver.seen.filter(({ type }) => type === 'device.release_changed')).toHaveLength(12);
    expect(receiver.maxInFlight()).toBe(3);
    expect(summary.latencyMs.p50).toBeGreaterThanOrEqual(20);
  });

  it('"all" sends every event type of the catalog once; the text summary counts status codes', async () => {
    receiver = startReceiver(peridio, SECRETS.PERIDIO_SECRET);
    const result = await runCli(['send', 'peridio', 'all', '--url', await receiver.url(), '--secret-env', 'PERIDIO_SECRET'], { env });
    expect(result.code).toBe(0);
    expect(receiver.seen.map(({ type }) => type.replace(/_/g, '-')).sort()).toEqual([...samplePeridioEventNames].map((n) => n.replace(/_/g, '-')).sort());
    expect(result.stdout).toMatch(new RegExp(`^sent ${samplePeridioEventNames.length} deliveries \\(${samplePeridioEventNames.length} events\\) to http`));
    expect(result.stdout).toContain(`\n  200   x ${samplePeridioEventNames.length}\n`);
  });

  it('answers that are not 2xx exit 1 and show the first answer of each status', async () => {
    receiver = startReceiver(edgesense, 'a-different-secret');
    const { code, summary } = await send(['edgesense', 'device.data', '--url', await receiver.url(), '--secret-env', 'EDGESENSE_SECRET', '-n', '3']);
    expect(code).toBe(1);
    expect(summary.statuses).toEqual({ '401': 3 });
    expect(summary.examples).toEqual({ '401': '{"error":"invalid_signature"}' });
  });

  it('a refused connection or a timeout exits 4 and says why', async () => {
    receiver = startReceiver(peridio, SECRETS.PERIDIO_SECRET, { hang: true });
    const hanging = await send(['peridio', 'device.updated', '--url', await receiver.url(), '--secret-env', 'PERIDIO_SECRET', '--timeout', '300ms']);
    expect(hanging.code).toBe(4);
    expect(hanging.summary).toMatchObject({ statuses: { error: 1 }, examples: { error: 'timed out' } });
    const closed = startReceiver(peridio, SECRETS.PERIDIO_SECRET);
    const url = await closed.url();
    await closed.close();
    const refused = await send(['peridio', 'device.updated', '--url', url, '--secret-env', 'PERIDIO_SECRET']);
    expect(refused).toMatchObject({ code: 4, summary: { statuses: { error: 1 }, examples: { error: 'ECONNREFUSED' } } });
  });

  it('draws a progress bar on stderr when it is a terminal', async () => {
    receiver = startReceiver(peridio, SECRETS.PERIDIO_SECRET);
    const url = await receiver.url();
    // util-linux `script` runs the command on a pseudo-terminal.
    const command = `${process.execPath} dist/cli/index.js send peridio device.connected --url ${url} --secret-env PERIDIO_SECRET -n 40 1>/dev/null`;
    const onTerminal = async (line: string): Promise<string> =>
      (await promisify(execFile)('script', ['-qec', line, '/dev/null'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 })).stdout;
    const terminal = await onTerminal(command);
    expect(terminal).toMatch(/\r\[#+\.*\] \d+\/40 device\.connected 200/);
    expect(terminal).toContain('\r[##############################] 40/40 ');
    expect(receiver.seen).toHaveLength(40);
    const quiet = await onTerminal(`${command} --quiet`);
    expect(quiet).not.toContain('[#');
  });

  it('usage errors: no --url, no event type, an unknown event type', async () => {
    expect((await runCli(['send', 'peridio', 'device.connected', '--secret-env', 'PERIDIO_SECRET'], { env })).stderr).toContain('--url is required');
    expect((await runCli(['send', 'peridio', '--url', 'http://127.0.0.1:9/', '--secret-env', 'PERIDIO_SECRET'], { env })).code).toBe(2);
    const unknown = await runCli(['send', 'edgesense', 'device.melted', '--url', 'http://127.0.0.1:9/', '--secret-env', 'EDGESENSE_SECRET'], { env });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
  });

  it('a --count or --timeout past what it can honour is a usage error (2), before anything is sent (issue #11, item 6)', async () => {
    const base = ['send', 'peridio', 'device.connected', '--url', 'http://127.0.0.1:9/', '--secret-env', 'PERIDIO_SECRET'];
    const count = await runCli([...base, '--count', '100001'], { env });
    expect(count).toMatchObject({ code: 2, stdout: '', stderr: 'hookverify: --count must be a whole number from 1 to 100000, got "100001"\n' });
    const timeout = await runCli([...base, '--timeout', '30d'], { env });
    expect(timeout).toMatchObject({ code: 2, stdout: '', stderr: 'hookverify: --timeout must be more than 0 and at most 1d, got "30d"\n' });
  });
});

describe('hookverify send to the Express example receiver', () => {
  let app: RunningExample;
  beforeAll(async () => {
    // The example imports the built package (hookverify/express): CI builds it in 30-build.
    if (!existsSync('dist/express/index.js')) execFileSync('npx', ['tsup', '--silent'], { stdio: 'inherit', timeout: 180_000 });
    app = await startExample('node', ['--import', 'tsx', 'examples/express/server.ts'], { cwd: process.cwd() });
  }, 240_000);
  afterAll(() => app?.stop());

  it('every Peridio event is processed once and its retry is acknowledged as a duplicate', async () => {
    const result = await runCli(
      ['send', 'peridio', 'all', '--url', `${app.baseUrl}/webhooks/peridio`, '--secret-env', 'PERIDIO_WEBHOOK_SECRET', '--duplicates', '--concurrency', '1', '--json'],
      { env: EXAMPLE_ENV },
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary).toMatchObject({ events: samplePeridioEventNames.length, retries: samplePeridioEventNames.length });
    expect(summary.statuses).toEqual({ '200': 2 * samplePeridioEventNames.length });
    expect(app.output().match(/"outcome":"duplicate"/g)).toHaveLength(samplePeridioEventNames.length);
    expect(app.output()).toContain('handled device.release-changed: ');
  });

  it('EdgeSense deliveries signed with the wrong secret are refused with 401', async () => {
    const result = await runCli(['send', 'edgesense', 'device.alert', '--url', `${app.baseUrl}/webhooks/edgesense`, '--secret-env', 'EDGESENSE_SECRET', '-n', '2', '--json'], { env });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ statuses: { '401': 2 }, examples: { '401': '{"error":"invalid_signature"}' } });
  });
});
