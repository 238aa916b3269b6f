// What the pipeline adds to `safeVerify` in process, without HTTP: the same fresh 1 KB Peridio
// deliveries verified alone, through `receive` with the body in hand, and through `receive` with
// a body reader (as the Node adapters pass it). bench/e2e.ts's breakdown routes measure the
// same steps over HTTP, where they cost more.
//
//   node bench/run.mjs bench/receive-overhead.ts
import { createWebhookReceiver } from '../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../src/senders/peridio/index.js';
import { freshPeridioDeliveries, PERIDIO_SECRETS, type Delivery } from './fixtures.js';
import { median } from './harness.js';

const COUNT = 20_000;
const deliveries = freshPeridioDeliveries(COUNT).map(({ body, headers }) => ({
  body,
  // The Node adapters pass the declared length, which the pipeline checks before reading.
  headers: { ...headers, 'content-length': String(body.length) },
}));

const verifier = createPeridioVerifier({ secret: PERIDIO_SECRETS[0] });
const receiver = createWebhookReceiver({ verifier, handle: () => undefined });
const cases: [string, (delivery: Delivery) => Promise<boolean>][] = [
  ['safeVerify alone', async (d) => (await verifier.safeVerify({ body: d.body, headers: d.headers })).ok],
  ['receive, body in hand', async (d) => (await receiver.receive({ method: 'POST', headers: d.headers, body: d.body })).status === 200],
  [
    'receive, body reader',
    async (d) => (await receiver.receive({ method: 'POST', headers: d.headers, url: 'http://127.0.0.1/webhooks/peridio', body: () => Promise.resolve(d.body) })).status === 200,
  ],
];

const perCall = new Map<string, number[]>(cases.map(([name]) => [name, []]));
// 9 rounds in a rotating order, each over the same deliveries; median CPU time per call.
for (let round = 0; round < 9; round++) {
  for (let k = 0; k < cases.length; k++) {
    const [name, run] = cases[(k + round) % cases.length]!;
    const start = process.cpuUsage();
    for (const delivery of deliveries) if (!(await run(delivery))) throw new Error(`${name}: refused a valid delivery`);
    const spent = process.cpuUsage(start);
    perCall.get(name)!.push((spent.user + spent.system) / COUNT);
  }
}
const alone = median(perCall.get('safeVerify alone')!);
for (const [name, values] of perCall) {
  const value = median(values);
  console.log(`${name.padEnd(24)} ${value.toFixed(2)} µs${name === 'safeVerify alone' ? '' : `  (+${(value - alone).toFixed(2)} µs)`}`);
}
