// The conformance suite, written once and run on every runtime hookverify claims: the crypto
// vectors, every built-in sender's reference-signed delivery and its tampered copies, secret
// rolling, replay windows, the hostile-input catalogue (all on each backend the runtime has),
// the default backend, and real HTTP round trips through the runtime's own server with the
// fetch and Hono adapters. Registration reads only the fixtures and the backend names, so the
// Node driver lists the same names to know how many tests each runtime must report.
import { decode } from './codec.mjs';
import { assert, assertEqual } from './harness.mjs';

const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const hex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

async function expectCode(verifier, input, code, what) {
  const outcome = await verifier.safeVerify(input);
  assertEqual(outcome.ok ? 'ok' : outcome.code, code, what);
  return outcome;
}

function registerCrypto(t, fixtures, backend, modules, label) {
  for (const vector of fixtures.hmac) {
    t.test(`${label}: HMAC-SHA256, RFC 4231 ${vector.name}`, async () => {
      const b = backend();
      const key = await b.importHmacKey(decode(vector.key));
      assertEqual(hex(await b.hmacSha256(key, decode(vector.parts))), vector.mac, 'mac');
    });
  }
  for (const vector of fixtures.sha256) {
    t.test(`${label}: SHA-256 of ${JSON.stringify(vector.data)}, as text and as bytes`, async () => {
      assertEqual(hex(await backend().sha256(vector.data)), vector.digest, 'text');
      assertEqual(hex(await backend().sha256(new TextEncoder().encode(vector.data))), vector.digest, 'bytes');
    });
  }
  t.test(`${label}: compares digests: equal, one bit off, another length`, () => {
    const b = backend();
    const a = new Uint8Array(32).fill(7);
    const other = a.slice();
    assert(b.timingSafeEqual(a, other), 'equal digests compare equal');
    other[31] = 6;
    assert(!b.timingSafeEqual(a, other), 'one bit off compares unequal');
    assert(!b.timingSafeEqual(a, a.subarray(0, 31)), 'another length compares unequal');
  });
  for (const vector of fixtures.deliveries) {
    t.test(`${label}: ${vector.sender}: the published delivery verifies, and is signed as published`, async () => {
      const sender = modules().senders[vector.entry][vector.exportName];
      const verifier = modules().root.createVerifier(sender, { secret: vector.secret, backend: backend(), now: () => vector.nowMs });
      const delivery = await verifier.verify({ body: new TextEncoder().encode(vector.body), headers: vector.headers });
      assertEqual(delivery.payload, JSON.parse(vector.body), 'payload');
      const signed = await modules().testing.signDelivery(sender, {
        secret: vector.secret,
        body: vector.body,
        timestamp: vector.nowMs,
        id: vector.headers['webhook-id'],
        backend: backend(),
      });
      for (const [name, value] of Object.entries(vector.headers)) assertEqual(signed.headers[name], value, name);
    });
  }
}

function registerSenders(t, fixtures, backend, modules, label) {
  for (const f of fixtures.senders) {
    const request = (wire = f.request) => ({ method: wire.method, url: wire.url, headers: wire.headers, body: fromBase64(wire.body) });
    const verifier = (options, wire = f.request) =>
      modules().root.createVerifier(modules().senders[f.entry][f.exportName], {
        secret: f.verifyingKey,
        backend: backend(),
        now: () => f.signedAtMs,
        ...(f.pinsUrl ? { url: wire.url } : {}),
        ...options,
      });
    const name = `${label}: ${f.name}`;

    t.test(`${name}: verifies what the reference signer signs, with its id, event type, time and payload`, async () => {
      const delivery = await verifier({}).verify(request());
      const { expected } = f;
      assertEqual(delivery.sender, f.name, 'sender');
      assertEqual(delivery.id ?? null, expected.id, 'id');
      assertEqual(delivery.eventType ?? null, expected.eventType, 'eventType');
      assertEqual(delivery.timestamp?.getTime() ?? null, expected.timestampMs, 'timestamp');
      assertEqual(delivery.replayable, expected.replayable, 'replayable');
      assertEqual(delivery.payload, expected.payload, 'payload');
    });
    for (const refusal of f.refusals) {
      t.test(`${name}: refuses the delivery after changing ${refusal.what}`, async () => {
        await expectCode(verifier({}, refusal.request), request(refusal.request), refusal.code, refusal.what);
      });
    }
    t.test(`${name}: refuses it under another key`, async () => {
      await expectCode(verifier({ secret: f.otherVerifyingKey }), request(), f.otherKeyCode, 'another key');
    });
    t.test(`${name}: rolling: accepts it under the second of two keys, and says which matched`, async () => {
      const delivery = await verifier({ secret: undefined, secrets: [f.otherVerifyingKey, f.verifyingKey] }).verify(request());
      assertEqual(delivery.matchedSecret.index, 1, 'matchedSecret.index');
    });
    if (f.toleranceMs !== null) {
      t.test(`${name}: replay window: accepted at both edges of ${f.toleranceMs} ms, refused a millisecond outside`, async () => {
        const at = (ms) => verifier({ now: () => f.signedAtMs + ms });
        await at(f.toleranceMs).verify(request());
        await at(-f.toleranceMs).verify(request());
        await expectCode(at(f.toleranceMs + 1), request(), 'timestamp_too_old', 'past the window');
        await expectCode(at(-f.toleranceMs - 1), request(), 'timestamp_in_future', 'ahead of the window');
      });
    } else {
      t.test(`${name}: replayable: accepted a year later, under the same dedupe id`, async () => {
        const late = await verifier({ now: () => f.signedAtMs + 365 * 86_400_000 }).verify(request());
        assertEqual([late.replayable, late.id ?? null], [true, f.expected.id], 'replayable, id');
      });
    }
  }
}

function registerHostile(t, fixtures, backend, modules, label) {
  const { hostile } = fixtures;
  const create = {
    peridio: (options) => modules().senders.peridio.createPeridioVerifier(options),
    'standard-webhooks': (options) => modules().senders['standard-webhooks'].createStandardWebhooksVerifier(options),
    edgesense: (options) => modules().senders.edgesense.createEdgeSenseVerifier(options),
  };
  for (const c of hostile.cases) {
    t.test(`${label}: hostile: ${c.name} -> ${c.expected}`, async () => {
      const verifier = create[c.sender]({ secret: hostile.secrets[c.sender], now: () => hostile.now, backend: backend(), ...decode(c.options) });
      const input = { body: decode(c.body), headers: decode(c.headers) };
      const outcome = await expectCode(verifier, input, c.expected, c.name);
      if (outcome.ok) return;
      let thrown;
      await verifier.verify(input).catch((error) => (thrown = error));
      assert(thrown instanceof modules().root.WebhookVerificationError, 'verify() rejects with a WebhookVerificationError');
      assertEqual(thrown.code, c.expected, 'the rejection code');
    });
  }
  for (const [what, input] of [['null', null], ['undefined', undefined], ['a string', 'body'], ['a number', 1]]) {
    t.test(`${label}: hostile: a request that is ${what} -> invalid_body`, async () => {
      const verifier = create.peridio({ secret: hostile.secrets.peridio, backend: backend() });
      await expectCode(verifier, input, 'invalid_body', what);
    });
  }
}

function registerDefaultBackend(t, modules) {
  t.test('default backend: node:crypto where process.getBuiltinModule exists, Web Crypto elsewhere', () => {
    const hasLoader = typeof globalThis.process?.getBuiltinModule === 'function';
    assertEqual(modules().root.defaultCryptoBackend().name, hasLoader ? 'node' : 'web', 'defaultCryptoBackend().name');
  });
}

const PERIDIO_SECRET = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
const PERIDIO_BODY =
  '{"version":1,"prn":"prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a","type":"webhook","data":{"type":"test_fire","data":{"note":"café ✓"}}}';

function registerRoundTrips(t, serve, modules, server) {
  const mounts = {
    'the fetch adapter': (receiver) => modules().fetch.createFetchHandler(receiver),
    'the Hono adapter': (receiver) => {
      const app = new (modules().Hono)();
      app.post('/webhooks/peridio', modules().hono.createHonoHandler(receiver));
      return (request) => app.fetch(request);
    },
  };
  for (const [adapter, mount] of Object.entries(mounts)) {
    t.test(`round trip over HTTP (${server}, ${adapter}): a signed delivery is 200 and handled once; a changed byte is 401; an oversized body is 413`, async () => {
      const handled = [];
      const receiver = modules().root.createWebhookReceiver({
        verifier: modules().senders.peridio.createPeridioVerifier({ secret: PERIDIO_SECRET }),
        maxBodyBytes: 1024,
        handle: (payload) => void handled.push(payload),
      });
      const mounted = await serve(mount(receiver));
      try {
        const signed = await modules().testing.signDelivery(modules().senders.peridio.peridio, { secret: PERIDIO_SECRET, body: PERIDIO_BODY });
        const post = async (body, headers = signed.headers) => {
          const response = await mounted.fetch('/webhooks/peridio', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
          return [response.status, await response.text()];
        };
        const [status] = await post(new TextEncoder().encode(PERIDIO_BODY));
        assertEqual(status, 200, 'a signed delivery');
        assertEqual(handled, [JSON.parse(PERIDIO_BODY)], 'the payload handled, once');
        assertEqual(await post(PERIDIO_BODY.replace('café', 'cafe')), [401, '{"error":"invalid_signature"}'], 'a changed byte');
        assertEqual(await post('x'.repeat(2048)), [413, '{"error":"body_too_large"}'], 'an oversized body');
        assertEqual(handled.length, 1, 'nothing else handled');
      } finally {
        await mounted.close();
      }
    });
  }
}

/**
 * Registers every test. `backends` names the crypto backends to run on; `modules()` returns the
 * installed package's entries and Hono, and `serve(handler)` mounts a fetch handler on the
 * runtime's own HTTP server: both are used only when tests run.
 */
export function registerConformance(t, { fixtures, backends, modules, serve, server }) {
  registerDefaultBackend(t, modules);
  for (const name of backends) {
    const backend = () => (name === 'node' ? modules().root.nodeCryptoBackend() : modules().root.webCryptoBackend());
    const label = `${name} backend`;
    registerCrypto(t, fixtures, backend, modules, label);
    registerSenders(t, fixtures, backend, modules, label);
    registerHostile(t, fixtures, backend, modules, label);
  }
  registerRoundTrips(t, serve, modules, server);
}
