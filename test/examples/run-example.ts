// Starts an example as a real process on 127.0.0.1 and drives it with signed deliveries over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { edgesense } from '../../src/senders/edgesense/sender.js';
import { peridio } from '../../src/senders/peridio/sender.js';
import {
  sampleEdgeSenseEvent,
  sampleEdgeSenseEventNames,
  samplePeridioEvent,
  samplePeridioEventNames,
} from '../../src/testing/sample-events.js';
import { signDelivery } from '../../src/testing/sign-delivery.js';

export const EXAMPLE_ENV = {
  PERIDIO_WEBHOOK_SECRET: '5F2D0B5C4A1E49E6B0A6C3D1E2F40718',
  EDGESENSE_WEBHOOK_SECRET: 'example-edgesense-secret',
};

export interface RunningExample {
  readonly baseUrl: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `command args` and waits for its `ready` line (default: "listening on <url>", whose url is the base url). */
export function startExample(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number; ready?: RegExp; baseUrl?: string },
): Promise<RunningExample> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...EXAMPLE_ENV, PORT: '0', NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const ready = options.ready ?? /listening on (http:\/\/127\.0\.0\.1:\d+)/;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the example did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const stop = (): Promise<void> =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        // The process group: npx and next start children of their own.
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          done();
        }
      });
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (output += more.toString('utf8')));
        resolve({ baseUrl: options.baseUrl ?? match[1]!, output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example exited with ${code}:\n${output}`));
    });
  });
}

export interface ExchangeResult {
  readonly label: string;
  readonly status: number;
  readonly body: string;
}

async function send(url: string, delivery: { body: string | Uint8Array; headers: Record<string, string> }, label: string): Promise<ExchangeResult> {
  const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body as string });
  return { label, status: response.status, body: await response.text() };
}

/**
 * Every Peridio and EdgeSense event type, then a duplicate and a tampered delivery of each
 * sender, to the given webhook URLs.
 */
export async function exerciseExample(urls: { peridio: string; edgesense: string }): Promise<ExchangeResult[]> {
  const results: ExchangeResult[] = [];
  for (const name of samplePeridioEventNames) {
    const signed = await signDelivery(peridio, { secret: EXAMPLE_ENV.PERIDIO_WEBHOOK_SECRET, body: samplePeridioEvent(name) });
    results.push(await send(urls.peridio, signed, `peridio ${name}`));
  }
  for (const name of sampleEdgeSenseEventNames) {
    const signed = await signDelivery(edgesense, { secret: EXAMPLE_ENV.EDGESENSE_WEBHOOK_SECRET, body: sampleEdgeSenseEvent(name) });
    results.push(await send(urls.edgesense, signed, `edgesense ${name}`));
  }
  const again = await signDelivery(peridio, { secret: EXAMPLE_ENV.PERIDIO_WEBHOOK_SECRET, body: samplePeridioEvent('device.connected') });
  await send(urls.peridio, again, 'first');
  results.push(await send(urls.peridio, again, 'peridio duplicate'));
  const edgeAgain = await signDelivery(edgesense, { secret: EXAMPLE_ENV.EDGESENSE_WEBHOOK_SECRET, body: sampleEdgeSenseEvent('device.data') });
  await send(urls.edgesense, edgeAgain, 'first');
  results.push(await send(urls.edgesense, edgeAgain, 'edgesense duplicate'));
  const tampered = await signDelivery(peridio, { secret: EXAMPLE_ENV.PERIDIO_WEBHOOK_SECRET, body: samplePeridioEvent('device.updated') });
  results.push(await send(urls.peridio, { ...tampered, body: (tampered.body as string).replace('"updated"', '"updatex"') }, 'peridio tampered'));
  const forged = await signDelivery(edgesense, { secret: 'not-the-secret', body: sampleEdgeSenseEvent('device.alert') });
  results.push(await send(urls.edgesense, forged, 'edgesense wrong secret'));
  return results;
}

/** What {@link exerciseExample} must get back from a correct example. */
export function expectedExchange(): { label: string; status: number; body: string }[] {
  return [
    ...samplePeridioEventNames.map((name) => ({ label: `peridio ${name}`, status: 200, body: '{"status":"processed"}' })),
    ...sampleEdgeSenseEventNames.map((name) => ({ label: `edgesense ${name}`, status: 200, body: '{"status":"processed"}' })),
    { label: 'peridio duplicate', status: 200, body: '{"status":"duplicate"}' },
    { label: 'edgesense duplicate', status: 200, body: '{"status":"duplicate"}' },
    { label: 'peridio tampered', status: 401, body: '{"error":"invalid_signature"}' },
    { label: 'edgesense wrong secret', status: 401, body: '{"error":"invalid_signature"}' },
  ];
}
