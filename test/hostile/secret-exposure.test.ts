// No secret, in any encoding, shows in what users see of hookverify: its objects through
// JSON.stringify and util.inspect, its errors and outcomes, or anything written to the console.
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver, defineSender, createVerifier, HookverifyError } from '../../src/index.js';
import Fastify from 'fastify';
import { createExpressHandler } from '../../src/adapters/express/index.js';
import { createFetchHandler } from '../../src/adapters/fetch/index.js';
import { hookverifyFastify } from '../../src/adapters/fastify/index.js';
import { createNextApiHandler, createNextRouteHandler } from '../../src/adapters/next/index.js';
import { createRedisStore } from '../../src/dedupe/redis/index.js';
import { createDeduplicator, createMemoryStore } from '../../src/dedupe/index.js';
import { createEdgeSenseVerifier, edgesense } from '../../src/senders/edgesense/index.js';
import { createPeridioVerifier, peridio } from '../../src/senders/peridio/index.js';
import { createStandardWebhooksVerifier, standardWebhooks } from '../../src/senders/standard-webhooks/index.js';
import { signDelivery } from '../../src/testing/index.js';

const NOW = Date.UTC(2026, 10, 23, 12);
const PERIDIO_SECRET = 'C0FFEE11C0FFEE22C0FFEE33C0FFEE44';
const PERIDIO_OLD = 'BADC0DE1BADC0DE2BADC0DE3BADC0DE4';
const SW_SECRET = `whsec_${Buffer.from('standard webhooks secret key!!').toString('base64')}`;
const EDGE_SECRET = 'edgesense-very-secret-passphrase';
const CUSTOM_KEY = Uint8Array.from([201, 7, 99, 143, 12, 250, 33, 61, 77, 180, 5, 222]);

/** Every way a key might be printed: as given, hex of either case, base64, byte lists. */
function needles(secret: string | Uint8Array, key: Uint8Array): string[] {
  const bytes = Buffer.from(key);
  const list = [
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    bytes.toString('base64').replace(/=+$/, ''),
    // util.inspect of a Buffer / Uint8Array, and JSON of a typed array or Buffer.
    [...bytes.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join(' '),
    [...bytes.subarray(0, 6)].join(', '),
    [...bytes.subarray(0, 6)].join(','),
    `"0":${bytes[0]},"1":${bytes[1]}`,
  ];
  if (typeof secret === 'string') list.push(secret, secret.replace(/^whsec_/, ''));
  return list;
}

const SECRETS = [
  ...needles(PERIDIO_SECRET, Buffer.from(PERIDIO_SECRET, 'hex')),
  ...needles(PERIDIO_OLD, Buffer.from(PERIDIO_OLD, 'hex')),
  ...needles(SW_SECRET, Buffer.from(SW_SECRET.slice(6), 'base64')),
  ...needles(EDGE_SECRET, Buffer.from(EDGE_SECRET)),
  ...needles(CUSTOM_KEY, CUSTOM_KEY),
];

function expectNoSecret(text: string, where: string): void {
  for (const needle of SECRETS) {
    if (text.toLowerCase().includes(needle.toLowerCase())) throw new Error(`${where} shows a secret (${needle.slice(0, 4)}...)`);
  }
}

/** Every rendering a user or a logger could produce. */
function expectHidden(value: unknown, where: string): void {
  expectNoSecret(inspect(value, { depth: Infinity, showHidden: true, getters: true }), `util.inspect(${where})`);
  expectNoSecret(String(JSON.stringify(value) ?? ''), `JSON.stringify(${where})`);
  expectNoSecret(String(value), `String(${where})`);
  if (value instanceof Error) expectNoSecret(`${value.message}\n${value.stack}`, `${where}.stack`);
}

const acme = defineSender({
  name: 'acme',
  signature: { header: 'x-acme-signature', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
});

let written: string[] = [];
beforeEach(() => {
  written = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args.map((a) => inspect(a, { depth: 5 })).join(' ')));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expectNoSecret(written.join('\n'), 'console / stdout / stderr');
});

describe('secrets never show', () => {
  const verifiers = {
    peridio: createPeridioVerifier({
      secrets: [{ secret: PERIDIO_SECRET, label: 'current' }, { secret: PERIDIO_OLD, label: 'old', notAfter: NOW + 60_000 }],
      now: () => NOW,
    }),
    standardWebhooks: createStandardWebhooksVerifier({ secret: SW_SECRET, now: () => NOW }),
    edgesense: createEdgeSenseVerifier({ secret: EDGE_SECRET, now: () => NOW }),
    custom: createVerifier(acme, { secret: CUSTOM_KEY, now: () => NOW }),
  };

  it.each(Object.entries(verifiers))('in the %s verifier, its sender and its methods', (name, verifier) => {
    expectHidden(verifier, `${name} verifier`);
    expectHidden(verifier.sender, `${name} sender`);
    for (const method of [verifier.verify, verifier.safeVerify, verifier.verifySignature]) expectHidden(method, `${name}.${method.name}`);
  });

  it('in the built-in sender descriptions', () => {
    for (const sender of [peridio, standardWebhooks, edgesense, acme]) expectHidden(sender, sender.name);
  });

  it('in verified deliveries, failures and the errors verify throws', async () => {
    const cases = [
      [verifiers.peridio, peridio, PERIDIO_SECRET],
      [verifiers.standardWebhooks, standardWebhooks, SW_SECRET],
      [verifiers.edgesense, edgesense, EDGE_SECRET],
      [verifiers.custom, acme, CUSTOM_KEY],
    ] as const;
    for (const [verifier, sender, secret] of cases) {
      const signed = await signDelivery(sender, { secret, body: { timestamp: '2026-11-23T12:00:00Z', ok: true }, timestamp: NOW });
      expectHidden(signed, `signDelivery(${sender.name})`);
      const outcome = await verifier.safeVerify(signed);
      expect(outcome.ok).toBe(true);
      expectHidden(outcome, `${sender.name} outcome`);
      expectHidden(await verifier.verifySignature(signed), `${sender.name} verifySignature`);
      const forged = { ...signed, body: `${String(signed.body)} ` };
      expectHidden(await verifier.safeVerify(forged), `${sender.name} failure`);
      const error = await verifier.verify(forged).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HookverifyError);
      expectHidden(error, `${sender.name} error`);
    }
  });

  it('in configuration errors about a bad secret, even one that is nearly right', () => {
    const attempts: [() => unknown, string][] = [
      [() => createPeridioVerifier({ secret: `${PERIDIO_SECRET}Z` }), 'Peridio secret with a non-hex character'],
      [() => createPeridioVerifier({ secret: PERIDIO_SECRET.slice(2) }), 'short Peridio secret'],
      [() => createPeridioVerifier({ secrets: [PERIDIO_OLD, `${PERIDIO_SECRET}!`] }), 'second of two secrets'],
      [() => createStandardWebhooksVerifier({ secret: `${SW_SECRET}*` }), 'whsec with a bad character'],
      [() => createPeridioVerifier({ secrets: [{ secret: PERIDIO_SECRET, notAfter: `not a date ${PERIDIO_SECRET}` }] }), 'bad notAfter'],
      [() => createPeridioVerifier({ secret: PERIDIO_SECRET, tolerance: PERIDIO_SECRET as never }), 'a secret passed as the tolerance'],
    ];
    for (const [build, label] of attempts) {
      let error: unknown;
      try {
        build();
      } catch (caught) {
        error = caught;
      }
      expect(error, label).toBeInstanceOf(HookverifyError);
      expectHidden(error, label);
    }
  });

  it('in the receiver, the dedupe stores, every adapter, outcomes and hook arguments', async () => {
    const store = createMemoryStore();
    const seen: unknown[] = [];
    const receiver = createWebhookReceiver({
      verifier: verifiers.peridio,
      dedupe: createDeduplicator({ store }),
      handle: () => {
        throw new Error('handler failed');
      },
      hooks: { onOutcome: (outcome) => void seen.push(outcome), onError: (error, outcome) => void seen.push(error, outcome) },
    });
    const signed = await signDelivery(peridio, {
      secret: PERIDIO_SECRET,
      body: { prn: 'prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:0b2e4f3c-8a1d-4c5e-9f6a-7b8c9d0e1f2a' },
      timestamp: NOW,
    });
    const responses = [
      await receiver.receive({ method: 'POST', headers: signed.headers, body: signed.body }),
      await receiver.receive({ method: 'POST', headers: { ...signed.headers, 'peridio-signature': 'A'.repeat(64) }, body: signed.body }),
    ];
    expect(responses.map((r) => r.status)).toEqual([500, 401]);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const fetchHandler = createFetchHandler(receiver);
    const response = await fetchHandler(new Request('http://127.0.0.1/hook', { method: 'POST', body: String(signed.body), headers: { ...signed.headers, 'peridio-published-at': 'yesterday' } }));
    // Every adapter's handler, a Fastify instance with the plugin, and a Redis store.
    const app = Fastify();
    await app.register(hookverifyFastify, { path: '/hook', receiver });
    const fastifyResponse = await app.inject({ method: 'POST', url: '/hook', headers: signed.headers, payload: String(signed.body) });
    expectNoSecret(fastifyResponse.body, 'fastify response');
    await app.close();
    const redisStore = createRedisStore({ client: { call: async () => 'OK' } });
    for (const [value, where] of [
      [createExpressHandler(receiver), 'express handler'],
      [createNextRouteHandler(receiver), 'next route handler'],
      [createNextApiHandler(receiver), 'next api handler'],
      [redisStore, 'redis store'],
      [receiver, 'receiver'],
      [store, 'memory store'],
      [fetchHandler, 'fetch handler'],
      [responses, 'responses'],
      [await response.text(), 'fetch response body'],
      [seen, 'hook arguments'],
    ] as const) {
      expectHidden(value, where);
    }
  });
});
