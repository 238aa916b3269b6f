// A correctly signed body can still be hostile JSON: the sender's account may be compromised, or
// the sender itself careless. docs/threat-model.md claims such a body cannot overflow the stack
// or pollute a prototype on its way through verification, the event schema and the handler.
import { expect, it } from 'vitest';
import { createWebhookReceiver } from '../../src/index.js';
import { createPeridioVerifier, peridio } from '../../src/senders/peridio/index.js';
import { peridioEvents } from '../../src/senders/peridio/events/index.js';
import { samplePeridioEvent, signDelivery } from '../../src/testing/index.js';

const SECRET = '0123456789ABCDEF0123456789ABCDEF';
const DEPTH = 100_000;

it('a signed body nested 100,000 deep with a __proto__ member is typed and handled, with no stack overflow or polluted prototype', async () => {
  // JSON.stringify never writes a "__proto__" member (an object literal would set the prototype
  // instead), so the hostile text is spliced in front of a valid event.
  const event = JSON.stringify(samplePeridioEvent('webhook.test-fire'));
  const body = `{"__proto__":{"polluted":true},"deep":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)},${event.slice(1)}`;
  const seen: { name: string; payload: unknown; raw: unknown }[] = [];
  const receiver = createWebhookReceiver({
    verifier: createPeridioVerifier({ secret: SECRET }),
    events: peridioEvents,
    handle: (parsed, { delivery }) => void seen.push({ name: parsed.name, payload: parsed.payload, raw: delivery.payload }),
  });

  const signed = await signDelivery(peridio, { secret: SECRET, body });
  const response = await receiver.receive({ method: 'POST', headers: signed.headers, body: signed.body as string });

  expect([response.status, response.body]).toEqual([200, '{"status":"processed"}']);
  expect(seen.map((s) => s.name)).toEqual(['webhook.test-fire']);
  const [{ payload, raw }] = seen as [(typeof seen)[0]];
  // JSON.parse makes "__proto__" an own member; nothing ever assigns it as a prototype.
  expect(Object.hasOwn(raw as object, '__proto__')).toBe(true);
  expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
  expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
  expect((payload as { polluted?: unknown }).polluted).toBeUndefined();
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});
