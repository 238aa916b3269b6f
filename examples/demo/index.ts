// `npm run demo`: a receiver on 127.0.0.1 (Express, in-memory dedupe) gets a scripted stream of
// signed deliveries over HTTP, and each one's outcome and the reason are printed as a table.
// Uses only the package's public entry points. `--json` prints one JSON line per delivery instead.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createWebhookReceiver, type ReceiverOutcome } from 'hookverify';
import { createDeduplicator } from 'hookverify/dedupe';
import { createEdgeSenseVerifier, edgesense } from 'hookverify/edgesense';
import { edgesenseEvents } from 'hookverify/edgesense/events';
import { createRouter } from 'hookverify/events';
import { createExpressHandler } from 'hookverify/express';
import { createPeridioVerifier, peridio } from 'hookverify/peridio';
import { peridioEvents } from 'hookverify/peridio/events';
import {
  sampleEdgeSenseEvent,
  sampleEdgeSenseEventNames,
  samplePeridioEvent,
  samplePeridioEventNames,
  signDelivery,
  type SignedDelivery,
} from 'hookverify/testing';

const PERIDIO_SECRET = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
const PERIDIO_PREVIOUS_SECRET = 'B284A51B143841695B2D7BF3B8554731';
const EDGESENSE_SECRET = 'demo-edgesense-secret';

// The receivers' side: what an application sets up once.
const outcomes: ReceiverOutcome[] = [];
const hooks = { onOutcome: (outcome: ReceiverOutcome) => void outcomes.push(outcome) };
let failNextHandler = false;

const peridioReceiver = createWebhookReceiver({
  verifier: createPeridioVerifier({
    secrets: [
      { secret: PERIDIO_SECRET, label: 'current' },
      { secret: PERIDIO_PREVIOUS_SECRET, label: 'previous' },
    ],
  }),
  events: peridioEvents,
  dedupe: createDeduplicator({ retention: peridio }),
  handle: createRouter(
    peridioEvents,
    {
      'device.updated': () => {
        if (failNextHandler) {
          failNextHandler = false;
          throw new Error('the database is briefly unavailable');
        }
      },
    },
    { onUnhandled: () => {}, onUnknown: () => {} },
  ),
  hooks,
});
const edgesenseReceiver = createWebhookReceiver({
  verifier: createEdgeSenseVerifier({ secret: EDGESENSE_SECRET }),
  events: edgesenseEvents,
  dedupe: createDeduplicator(),
  handle: createRouter(edgesenseEvents, {}, { onUnhandled: () => {} }),
  hooks,
});

const app = express();
app.all('/webhooks/peridio', createExpressHandler(peridioReceiver));
app.all('/webhooks/edgesense', createExpressHandler(edgesenseReceiver));
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// The senders' side: a scripted stream of deliveries.
interface Step {
  readonly delivery: string;
  readonly path: '/webhooks/peridio' | '/webhooks/edgesense';
  readonly method?: string;
  readonly make: () => Promise<SignedDelivery> | SignedDelivery;
  readonly before?: () => void;
}

const signPeridio = (body: unknown, extra: { timestamp?: number; secrets?: string[] } = {}) =>
  signDelivery(peridio, { ...(extra.secrets ? { secrets: extra.secrets } : { secret: PERIDIO_SECRET }), body, ...(extra.timestamp ? { timestamp: extra.timestamp } : {}) });
const signEdgeSense = (body: unknown, secret = EDGESENSE_SECRET) => signDelivery(edgesense, { secret, body });

const repeated = await signPeridio(samplePeridioEvent('device.connected'));
const flaky = await signPeridio(samplePeridioEvent('device.updated'));
const steps: Step[] = [
  ...samplePeridioEventNames.map(
    (name): Step => ({
      delivery: `peridio ${name}`,
      path: '/webhooks/peridio',
      make: () => (name === 'device.connected' ? repeated : signPeridio(samplePeridioEvent(name))),
    }),
  ),
  ...sampleEdgeSenseEventNames.map(
    (name): Step => ({ delivery: `edgesense ${name}`, path: '/webhooks/edgesense', make: () => signEdgeSense(sampleEdgeSenseEvent(name)) }),
  ),
  { delivery: 'peridio device.connected, delivered again', path: '/webhooks/peridio', make: () => repeated },
  {
    delivery: 'peridio, body tampered in transit',
    path: '/webhooks/peridio',
    make: async () => {
      const signed = await signPeridio(samplePeridioEvent('device.release-changed'));
      return { ...signed, body: String(signed.body).replace('"version":"2.0.0"', '"version":"6.6.6"') };
    },
  },
  {
    delivery: 'peridio, signed 10 minutes ago (replay)',
    path: '/webhooks/peridio',
    make: () => signPeridio(samplePeridioEvent('device.connected'), { timestamp: Date.now() - 10 * 60_000 }),
  },
  {
    delivery: 'peridio, secret rotation: two signatures',
    path: '/webhooks/peridio',
    make: () => signPeridio(samplePeridioEvent('device.disconnected'), { secrets: [PERIDIO_PREVIOUS_SECRET, PERIDIO_SECRET] }),
  },
  {
    delivery: 'peridio, signed with the previous secret only',
    path: '/webhooks/peridio',
    make: () => signPeridio(samplePeridioEvent('device.disconnected'), { secrets: [PERIDIO_PREVIOUS_SECRET] }),
  },
  {
    delivery: 'peridio audit_log.api_request (unknown type)',
    path: '/webhooks/peridio',
    make: () =>
      signPeridio({ version: 1, prn: samplePeridioEvent('device.connected').prn, type: 'audit_log', inserted_at: new Date().toISOString(), data: { type: 'api_request', data: {} } }),
  },
  {
    delivery: 'peridio device.connected missing its device',
    path: '/webhooks/peridio',
    make: () => signPeridio(samplePeridioEvent('device.connected', { data: { data: { device: undefined } } })),
  },
  { delivery: 'peridio device.updated, handler fails', path: '/webhooks/peridio', before: () => (failNextHandler = true), make: () => flaky },
  { delivery: 'peridio device.updated, sender retries', path: '/webhooks/peridio', make: () => flaky },
  { delivery: 'edgesense, wrong secret', path: '/webhooks/edgesense', make: () => signEdgeSense(sampleEdgeSenseEvent('device.alert'), 'not-the-secret') },
  {
    delivery: 'edgesense, 2 MiB body',
    path: '/webhooks/edgesense',
    make: () => signEdgeSense(sampleEdgeSenseEvent('device.data', { payload: { blob: 'x'.repeat(2 * 1024 * 1024) } })),
  },
  { delivery: 'GET instead of POST', path: '/webhooks/peridio', method: 'GET', make: () => ({ body: '', headers: {} }) },
];

export interface DemoRow {
  readonly delivery: string;
  readonly status: number;
  readonly outcome: string;
  readonly why: string;
}

function why(outcome: ReceiverOutcome | undefined): string {
  if (!outcome) return '';
  const matched = outcome.matchedSecret;
  const secret = matched ? `, secret ${matched.label === undefined ? `#${matched.index}` : `"${matched.label}"`}` : '';
  switch (outcome.code) {
    case 'processed':
      if (outcome.sender === 'peridio' && peridioEvents.canonicalName(outcome.event ?? '') === undefined) {
        return `${outcome.event} is not in the catalog: acknowledged by the router's onUnknown catch-all${secret}`;
      }
      return `${outcome.event} handled${secret}`;
    case 'duplicate':
      return `${outcome.event} already processed: acknowledged, handler not run`;
    case 'handler_failed':
      return `${String((outcome.error as Error).message)}: nothing marked done, the sender retries`;
    default:
      return outcome.message;
  }
}

const json = process.argv.includes('--json');
// Said before the deliveries start, so the first line appears as soon as the receiver listens.
if (!json) console.log(`hookverify demo: ${steps.length} signed deliveries to a receiver on ${base}\n`);

const rows: DemoRow[] = [];
for (const step of steps) {
  step.before?.();
  const delivery = await step.make();
  const method = step.method ?? 'POST';
  const seen = outcomes.length;
  const response = await fetch(base + step.path, {
    method,
    headers: delivery.headers,
    ...(method === 'GET' ? {} : { body: delivery.body as string }),
  });
  const answer = (await response.json()) as { status?: string; error?: string };
  rows.push({ delivery: step.delivery, status: response.status, outcome: answer.status ?? answer.error ?? '', why: why(outcomes[seen]) });
}
server.closeAllConnections();
server.close();

if (json) {
  for (const row of rows) console.log(JSON.stringify(row));
} else {
  const headers: DemoRow = { delivery: 'delivery', status: 0, outcome: 'outcome', why: 'why' };
  const widest = (key: 'delivery' | 'outcome') => Math.max(...[headers, ...rows].map((row) => row[key].length));
  const indent = widest('delivery') + 2 + 4 + 2 + widest('outcome') + 2;
  // Long reasons wrap under their own column rather than across the table.
  const room = Math.max(40, (process.stdout.columns || 140) - indent);
  const wrap = (text: string): string[] => {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
      if (current && current.length + 1 + word.length > room) {
        lines.push(current);
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    return [...lines, current];
  };
  const line = (row: DemoRow) => {
    const [first, ...rest] = wrap(row.why);
    const head = [row.delivery.padEnd(widest('delivery')), (row === headers ? 'HTTP' : String(row.status)).padEnd(4), row.outcome.padEnd(widest('outcome')), first].join('  ');
    return [head, ...rest.map((more) => ' '.repeat(indent) + more)].join('\n');
  };
  console.log(line(headers));
  console.log('-'.repeat(indent + Math.min(room, 60)));
  for (const row of rows) console.log(line(row));
}
