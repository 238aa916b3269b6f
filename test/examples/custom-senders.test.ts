// The examples in examples/custom-senders are user code: they import only `hookverify` (the
// built package, by its own name). They are loaded through a computed path so that the root
// typecheck, which runs before the build, does not need dist/; the last test type-checks them
// against the built declarations instead.
import { createHash, createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import type { SignatureHeaderSource } from '../../src/core/scheme/signatures/signature-header.js';
import type { Sender as AnySender } from '../../src/core/sender.js';
import { createDeduplicator } from '../../src/dedupe/index.js';
import { createVerifier, type VerifiedDelivery, type Verifier } from '../../src/core/verifier.js';
import { signDelivery } from '../../src/testing/index.js';
import { ensureBuiltPackage } from '../helpers/ensure-built.js';
import { describeConformance, NOW } from '../senders/conformance.js';

const DIR = new URL('../../examples/custom-senders/', import.meta.url);

// Before the examples are loaded below: they import the built package.
await ensureBuiltPackage();

type Sender = AnySender<SignatureHeaderSource>;

const load = async <T>(name: string): Promise<T> => (await import(/* @vite-ignore */ new URL(`${name}.ts`, DIR).pathname)) as T;

const { acmeUsers, createAcmeUsersVerifier } = await load<{ acmeUsers: Sender; createAcmeUsersVerifier(secret?: string): Verifier }>(
  'acme-users',
);
const { shipping, createShippingVerifier } = await load<{ shipping: Sender; createShippingVerifier(secret?: string): Verifier }>('shipping');
const { github, createGitHubVerifier } = await load<{ github: Sender; createGitHubVerifier(secret?: string): Verifier }>('github');
const { createWebhookHandler } = await load<{
  createWebhookHandler(verifier: Verifier, handle: (delivery: VerifiedDelivery) => unknown): (request: Request) => Promise<Response>;
}>('fetch-handler');

const hexHmac = (secret: string, body: string | Uint8Array) => createHmac('sha256', secret).update(body).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

// Each definition passes the same suite as the built-in senders (default 5-minute window).
describeConformance({
  name: 'example acme-users (seed 003)',
  sender: acmeUsers,
  create: (options) => createVerifier(acmeUsers, options),
  secrets: ['whsec_abc123', 'whsec_previous'],
  wrongSecret: 'whsec_other',
  multiSignature: false,
  timestampIn: 'body',
  payload: (ms) => ({ id: 'evt_abc123', type: 'user.created', created_at: iso(ms), data: { id: 'user_123', name: 'John Doe' } }),
  sign: (body, _ms, secrets) => ({ 'x-webhook-signature': secrets.map((secret) => hexHmac(secret, body)).join(',') }),
  expectedId: (_body, _headers, payload) => payload.id as string,
});

describeConformance({
  name: 'example shipping (seed 004)',
  sender: shipping,
  create: (options) => createVerifier(shipping, options),
  secrets: ['ship-secret', 'ship-secret-2'],
  wrongSecret: 'nope',
  multiSignature: false,
  timestampIn: 'body',
  payload: (ms) => ({ event: 'shipment.created', data: { id: 'ship_123', status: 'created', created_at: iso(ms - 1000) }, timestamp: iso(ms) }),
  sign: (body, _ms, secrets) => ({ 'x-webhook-signature': secrets.map((secret) => hexHmac(secret, body)).join(',') }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describeConformance({
  name: 'example github',
  sender: github,
  create: (options) => createVerifier(github, options),
  secrets: ["It's a Secret to Everybody", 'older secret'],
  wrongSecret: 'not it',
  multiSignature: false,
  timestampIn: 'none',
  payload: () => ({ action: 'opened', issue: { number: 1 }, repository: { full_name: 'octo/hello' } }),
  sign: (body, _ms, secrets) => ({
    'x-hub-signature-256': secrets.map((secret) => `sha256=${hexHmac(secret, body)}`).join(','),
    'x-github-event': 'issues',
  }),
  expectedId: (body) => createHash('sha256').update(body).digest('hex'),
});

describe('example acme-users (seed 003): as configured', () => {
  const event = (createdAt: number) =>
    JSON.stringify({ id: 'evt_abc123', type: 'payment.failed', created_at: iso(createdAt), data: { id: 'pay_1' } });

  it('accepts retries across the whole retry schedule, keyed by the secret text with its whsec_ prefix', async () => {
    const verifier = createAcmeUsersVerifier('whsec_abc123');
    const body = event(Date.now() - (2 * 3600 + 35 * 60) * 1000);
    const delivery = await verifier.verify({ body, headers: { 'x-webhook-signature': hexHmac('whsec_abc123', body) } });
    expect(delivery).toMatchObject({ id: 'evt_abc123', payload: { type: 'payment.failed' } });
  });

  it('refuses a delivery older than the retry schedule', async () => {
    const body = event(Date.now() - 3 * 3600 * 1000 - 60_000);
    const outcome = await createAcmeUsersVerifier('whsec_abc123').safeVerify({
      body,
      headers: { 'x-webhook-signature': hexHmac('whsec_abc123', body) },
    });
    expect(outcome).toMatchObject({ ok: false, code: 'timestamp_too_old' });
  });

  it('reads its secret from ACME_WEBHOOK_SECRET, and refuses to start without one', () => {
    const saved = process.env.ACME_WEBHOOK_SECRET;
    try {
      delete process.env.ACME_WEBHOOK_SECRET;
      expect(() => createAcmeUsersVerifier()).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
      process.env.ACME_WEBHOOK_SECRET = 'whsec_abc123';
      expect(createAcmeUsersVerifier().sender.name).toBe('acme-users');
    } finally {
      if (saved === undefined) delete process.env.ACME_WEBHOOK_SECRET;
      else process.env.ACME_WEBHOOK_SECRET = saved;
    }
  });
});

describe('example shipping (seed 004): as configured', () => {
  it('gives shipment.created and shipment.updated of one shipment different ids, and a retry the same', async () => {
    const verifier = createShippingVerifier('ship-secret');
    const make = (event: string) =>
      JSON.stringify({ event, data: { id: 'ship_123', status: 'created' }, timestamp: iso(Date.now() - 3600_000) });
    const created = make('shipment.created');
    const updated = make('shipment.updated');
    const verify = (body: string) => verifier.verify({ body, headers: { 'x-webhook-signature': hexHmac('ship-secret', body) } });
    const [a, retry, b] = await Promise.all([verify(created), verify(created), verify(updated)]);
    expect(retry.id).toBe(a.id);
    expect(b.id).not.toBe(a.id);
    expect(a.timestamp).toBeInstanceOf(Date);
  });

  it('does not trust a signature member inside the JSON', async () => {
    const body = JSON.stringify({ event: 'shipment.created', data: { id: 'ship_1' }, timestamp: iso(Date.now()), signature: 'abcdef1234567890' });
    const outcome = await createShippingVerifier('ship-secret').safeVerify({ body, headers: {} });
    expect(outcome).toMatchObject({ ok: false, code: 'missing_header' });
  });
});

describe('example github: as configured', () => {
  const secret = "It's a Secret to Everybody";

  it('verifies what @octokit/webhooks-methods signs, with the event type from x-github-event', async () => {
    const body = 'Hello, World!';
    const signature = await octokitSign(secret, body);
    // GitHub's documented example value for this secret and payload.
    expect(signature).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
    const delivery = await createGitHubVerifier(secret).verifySignature({
      body,
      headers: { 'X-Hub-Signature-256': signature, 'X-GitHub-Delivery': 'guid-1', 'X-GitHub-Event': 'ping' },
    });
    expect(delivery).toMatchObject({ sender: 'github', timestamp: undefined, matchedSecret: { index: 0 } });
    const json = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const verified = await createGitHubVerifier(secret).verify({
      body: json,
      headers: { 'x-hub-signature-256': await octokitSign(secret, json), 'x-github-delivery': 'guid-2', 'x-github-event': 'ping' },
    });
    // The delivery GUID is unsigned: a replay could change it, so it is not the dedupe id.
    expect(verified).toMatchObject({ id: createHash('sha256').update(json).digest('hex'), eventType: 'ping', replayable: true, payload: { hook_id: 1 } });
  });

  // Issue #11, item 1: deduplicating on the unsigned x-github-delivery let one captured delivery be
  // replayed as often as the attacker liked, a new GUID each time.
  it('processes a delivery once, however its unsigned GUID and event headers are changed on replay', async () => {
    const handled: string[] = [];
    const receiver = createWebhookReceiver({
      verifier: createGitHubVerifier(secret),
      dedupe: createDeduplicator({ retention: github }),
      handle: (_payload, { delivery }) => {
        handled.push(delivery.eventType!);
      },
    });
    const body = JSON.stringify({ action: 'deleted', repository: { full_name: 'octo/hello' } });
    const signature = await octokitSign(secret, body);
    const send = (guid: string, event: string) =>
      receiver.receive({ method: 'POST', body, headers: { 'x-hub-signature-256': signature, 'x-github-delivery': guid, 'x-github-event': event } });
    expect(JSON.parse((await send('guid-1', 'repository')).body)).toEqual({ status: 'processed' });
    for (const [guid, event] of [['guid-2', 'repository'], ['guid-3', 'delete'], ['guid-1', 'repository']]) {
      expect(JSON.parse((await send(guid!, event!)).body)).toEqual({ status: 'duplicate' });
    }
    expect(handled).toEqual(['repository']);
  });

  it('refuses the SHA-1 header alone', async () => {
    const body = '{}';
    const outcome = await createGitHubVerifier('s').safeVerify({
      body,
      headers: { 'x-hub-signature': `sha1=${createHmac('sha1', 's').update(body).digest('hex')}`, 'x-github-delivery': 'g', 'x-github-event': 'ping' },
    });
    expect(outcome).toMatchObject({ ok: false, code: 'missing_header' });
  });
});

describe('example fetch handler', () => {
  const secret = 'whsec_abc123';
  const received: VerifiedDelivery[] = [];
  const handler = createWebhookHandler(createAcmeUsersVerifier(secret), (delivery) => {
    received.push(delivery);
  });
  const post = (body: string, headers: Record<string, string>) =>
    handler(new Request('http://127.0.0.1/webhooks/acme', { method: 'POST', body, headers }));

  it('answers 204 and hands over the verified delivery', async () => {
    const signed = await signDelivery(acmeUsers, {
      secret,
      body: { id: 'evt_1', type: 'user.created', created_at: iso(Date.now()), data: {} },
    });
    const response = await post(signed.body as string, signed.headers);
    expect(response.status).toBe(204);
    expect(received.at(-1)).toMatchObject({ id: 'evt_1', sender: 'acme-users' });
  });

  it('answers 401, 400, 413 and 405 with the reason code', async () => {
    const body = JSON.stringify({ id: 'evt_2', created_at: iso(NOW) });
    const forged = await post(body, { 'x-webhook-signature': hexHmac('guess', body) });
    expect(forged.status).toBe(401);
    await expect(forged.json()).resolves.toEqual({ error: 'invalid_signature' });
    const notJson = await post('nope', { 'x-webhook-signature': hexHmac(secret, 'nope') });
    expect(notJson.status).toBe(400);
    await expect(notJson.json()).resolves.toEqual({ error: 'invalid_body' });
    const big = 'x'.repeat(1024 * 1024 + 1);
    const tooLarge = await post(big, { 'x-webhook-signature': hexHmac(secret, big) });
    expect(tooLarge.status).toBe(413);
    expect((await handler(new Request('http://127.0.0.1/webhooks/acme'))).status).toBe(405);
  });

  it('stops reading a chunked body at the limit: 413, the stream cancelled after about 1 MiB', async () => {
    const { countingStream } = await import('../helpers/counting-stream.js');
    const { stream, use } = countingStream({ totalBytes: 64 * 1024 * 1024, chunkBytes: 64 * 1024 });
    const response = await handler(
      new Request('http://127.0.0.1/webhooks/acme', { method: 'POST', body: stream, headers: { 'x-webhook-signature': 'ab' }, duplex: 'half' } as RequestInit),
    );
    expect([response.status, await response.json()]).toEqual([413, { error: 'body_too_large' }]);
    expect(use.cancelled).toBe(true);
    expect(use.bytes).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });

  it('lets errors of the handler itself propagate', async () => {
    const failing = createWebhookHandler(createAcmeUsersVerifier(secret), () => {
      throw new Error('database down');
    });
    const signed = await signDelivery(acmeUsers, { secret, body: { id: 'evt_3', created_at: iso(Date.now()) } });
    await expect(failing(new Request('http://127.0.0.1/', { method: 'POST', body: signed.body as string, headers: signed.headers }))).rejects.toThrow(
      'database down',
    );
  });
});

describe('examples type-check against the built package', () => {
  it('with tsc, as a user project would', () => {
    const tsc = 'node_modules/typescript/bin/tsc';
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'examples/custom-senders/tsconfig.json'], { encoding: 'utf8' })).not.toThrow();
  }, 60_000);
});
