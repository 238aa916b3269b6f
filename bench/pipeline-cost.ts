// Where the time of one request goes inside the example route, without HTTP: each step of
// examples/shared/receivers.ts's pipeline added in turn, on fresh 1 KB Peridio events with
// unique PRNs. Explains the end-to-end ratio (bench/e2e.ts).
//
//   node bench/run.mjs bench/pipeline-cost.ts
import { createHmac, randomUUID } from 'node:crypto';
import { createWebhookReceiver, type WebhookReceiverOptions } from '../src/core/pipeline/create-webhook-receiver.js';
import { createDeduplicator } from '../src/dedupe/index.js';
import { createRouter } from '../src/events/index.js';
import { peridioEvents } from '../src/senders/peridio/events/index.js';
import { createPeridioVerifier, peridio } from '../src/senders/peridio/index.js';
import { peridioEventBody, PERIDIO_SECRETS } from './fixtures.js';
import { median } from './harness.js';

const template = peridioEventBody(1024).toString('utf8');
const templateId = /event:([0-9a-f-]{36})/.exec(template)![1]!;
const key = Buffer.from(PERIDIO_SECRETS[0], 'hex');
const COUNT = 20_000;

function requests(): { method: string; headers: Record<string, string>; body: Buffer }[] {
  const publishedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return Array.from({ length: COUNT }, () => {
    const body = Buffer.from(template.replace(templateId, randomUUID()));
    const signature = createHmac('sha256', key).update(publishedAt).update(body).digest('hex').toUpperCase();
    return { method: 'POST', headers: { 'peridio-published-at': publishedAt, 'peridio-signature': signature }, body };
  });
}

const router = createRouter(peridioEvents, { 'webhook.test-fire': () => undefined }, { onUnhandled: () => undefined });
const quietLog = { onOutcome: (outcome: { code: string; deliveryId?: string }) => void JSON.stringify(outcome) };
const steps: [string, () => WebhookReceiverOptions<never>][] = [
  ['verify only (payload to a no-op handler)', () => ({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRETS[0] }), handle: () => undefined })],
  ['+ typed events (zod)', () => ({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRETS[0] }), events: peridioEvents as never, handle: () => undefined })],
  ['+ dedupe (memory store)', () => ({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRETS[0] }), events: peridioEvents as never, dedupe: createDeduplicator({ retention: peridio }), handle: () => undefined })],
  ['+ router + outcome hook (the example route)', () => ({ verifier: createPeridioVerifier({ secret: PERIDIO_SECRETS[0] }), events: peridioEvents as never, dedupe: createDeduplicator({ retention: peridio }), handle: router as never, hooks: quietLog as never })],
];

const perStep: Record<string, number[]> = {};
// 9 rounds in a rotating order: with 5 in a fixed one, a step once measured below the one before it.
for (let round = 0; round < 9; round++) {
  for (let k = 0; k < steps.length; k++) {
    const [name, options] = steps[(k + round) % steps.length]!;
    const receiver = createWebhookReceiver(options());
    const batch = requests();
    for (const request of batch.slice(0, 2000)) await receiver.receive(request);
    const timed = batch.slice(2000);
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.cpuUsage();
    for (const request of timed) {
      const response = await receiver.receive(request);
      if (response.status !== 200) throw new Error(`${name}: status ${response.status} ${response.body}`);
    }
    const cpu = process.cpuUsage(start);
    (perStep[name] ??= []).push(((cpu.user + cpu.system) * 1000) / timed.length);
  }
}
console.log('| pipeline | µs per request (CPU) | added by the step |');
console.log('|---|---:|---:|');
let previous = 0;
for (const [name] of steps) {
  const value = median(perStep[name]!) / 1000;
  const added = value - previous;
  console.log(`| ${name} | ${value.toFixed(1)} | ${previous === 0 ? '' : `${added >= 0 ? '+' : ''}${added.toFixed(1)}`} |`);
  previous = value;
}
