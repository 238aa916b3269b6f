import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, webCryptoBackend, nodeCryptoBackend, type CryptoBackend } from '../../../src/index.js';
import { createStandardWebhooksVerifier, standardWebhooks } from '../../../src/senders/standard-webhooks/index.js';
import { signDelivery } from '../../../src/testing/index.js';

// The example of the Standard Webhooks specification, used by its reference libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const backends: [string, CryptoBackend][] = [
  ['node', nodeCryptoBackend()!],
  ['web', webCryptoBackend()],
];

describe.each(backends)('Standard Webhooks specification vector (%s backend)', (_name, backend) => {
  const verifier = createStandardWebhooksVerifier({
    secret: VECTOR.secret,
    backend,
    now: () => Number(VECTOR.timestamp) * 1000,
  });
  const headers = {
    'webhook-id': VECTOR.id,
    'webhook-timestamp': VECTOR.timestamp,
    'webhook-signature': VECTOR.signature,
  };

  it('accepts the published signature', async () => {
    const delivery = await verifier.verify({ body: VECTOR.body, headers });
    expect(delivery.id).toBe(VECTOR.id);
    expect(delivery.payload).toEqual({ test: 2432232314 });
    expect(delivery.timestamp?.getTime()).toBe(1614265330_000);
  });

  it('refuses the published signature over another id', async () => {
    const outcome = await verifier.safeVerify({ body: VECTOR.body, headers: { ...headers, 'webhook-id': 'msg_other' } });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_signature' });
  });
});

// The cases the reference libraries (standard-webhooks' own, and Svix's) test, plus interop
// with the `standardwebhooks` package in both directions.
describe.each(backends)('Standard Webhooks reference cases (%s backend)', (_name, backend) => {
  const now = () => Number(VECTOR.timestamp) * 1000;
  const verifier = createStandardWebhooksVerifier({ secret: VECTOR.secret, backend, now });
  const headers = {
    'webhook-id': VECTOR.id,
    'webhook-timestamp': VECTOR.timestamp,
    'webhook-signature': VECTOR.signature,
  };
  const key = Buffer.from(VECTOR.secret.slice('whsec_'.length), 'base64');
  const signAt = (timestamp: string) =>
    `v1,${createHmac('sha256', key).update(`${VECTOR.id}.${timestamp}.${VECTOR.body}`).digest('base64')}`;
  const code = async (input: { body: string; headers: Record<string, string> }) => {
    const outcome = await verifier.safeVerify(input);
    return outcome.ok ? 'ok' : outcome.code;
  };

  it('accepts a valid v1 signature among several space-separated entries, skipping v1a and v2', async () => {
    const asymmetric = `v1a,${randomBytes(64).toString('base64')}`;
    const wrong = `v1,${randomBytes(32).toString('base64')}`;
    const v2 = `v2,${randomBytes(32).toString('base64')}`;
    for (const list of [
      [asymmetric, VECTOR.signature],
      [wrong, v2, VECTOR.signature, asymmetric],
      [VECTOR.signature, wrong],
    ]) {
      await expect(code({ body: VECTOR.body, headers: { ...headers, 'webhook-signature': list.join(' ') } })).resolves.toBe('ok');
    }
    await expect(code({ body: VECTOR.body, headers: { ...headers, 'webhook-signature': `${wrong} ${v2}` } })).resolves.toBe(
      'invalid_signature',
    );
    // Nothing this library can check: only other schemes.
    await expect(code({ body: VECTOR.body, headers: { ...headers, 'webhook-signature': `${asymmetric} ${v2}` } })).resolves.toBe(
      'malformed_header',
    );
  });

  it('refuses a signature that is partial, unversioned or for other content', async () => {
    const partial = VECTOR.signature.slice(0, -8);
    await expect(code({ body: VECTOR.body, headers: { ...headers, 'webhook-signature': partial } })).resolves.toBe('malformed_header');
    await expect(code({ body: VECTOR.body, headers: { ...headers, 'webhook-signature': VECTOR.signature.slice(3) } })).resolves.toBe(
      'malformed_header',
    );
    await expect(code({ body: VECTOR.body, headers: { ...headers, 'webhook-signature': 'v1,' } })).resolves.toBe('malformed_header');
    await expect(code({ body: '{"test": 2432232315}', headers })).resolves.toBe('invalid_signature');
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('answers missing_header without %s', async (name) => {
    const rest: Record<string, string> = { ...headers };
    delete rest[name];
    await expect(code({ body: VECTOR.body, headers: rest })).resolves.toBe('missing_header');
  });

  it('refuses timestamps more than 5 minutes old or ahead, even when correctly signed', async () => {
    const t = Number(VECTOR.timestamp);
    for (const [timestamp, expected] of [
      [String(t - 300), 'ok'],
      [String(t + 300), 'ok'],
      [String(t - 301), 'timestamp_too_old'],
      [String(t + 301), 'timestamp_in_future'],
      [String(t - 86_400), 'timestamp_too_old'],
    ] as const) {
      const signed = { ...headers, 'webhook-timestamp': timestamp, 'webhook-signature': signAt(timestamp) };
      await expect(code({ body: VECTOR.body, headers: signed })).resolves.toBe(expected);
    }
    const signed = { ...headers, 'webhook-timestamp': 'not-a-number', 'webhook-signature': signAt('not-a-number') };
    await expect(code({ body: VECTOR.body, headers: signed })).resolves.toBe('malformed_header');
  });

  it('accepts the secret without its whsec_ prefix, and as raw bytes', async () => {
    for (const secret of [VECTOR.secret.slice('whsec_'.length), new Uint8Array(key)]) {
      const other = createStandardWebhooksVerifier({ secret, backend, now });
      await expect(other.verify({ body: VECTOR.body, headers })).resolves.toMatchObject({ id: VECTOR.id });
    }
  });

  it('refuses a bad whsec_ secret at construction, without echoing it', () => {
    for (const secret of ['whsec_', 'whsec_!!notbase64!!', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', '']) {
      const error = (() => {
        try {
          createStandardWebhooksVerifier({ secret, backend });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).code).toBe('invalid_secret');
      if (secret.length > 6) expect((error as Error).message).not.toContain(secret);
    }
  });

  it('interoperates with the standardwebhooks package in both directions', async () => {
    const reference = new Webhook(VECTOR.secret);
    const at = new Date();
    const body = JSON.stringify({ type: 'invoice.paid', data: { amount: 4200, note: 'é✓🚀' } });
    const theirs = {
      'webhook-id': 'msg_interop',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': reference.sign('msg_interop', at, body),
    };
    const live = createStandardWebhooksVerifier({ secret: VECTOR.secret, backend });
    await expect(live.verify({ body: Buffer.from(body), headers: theirs })).resolves.toMatchObject({ id: 'msg_interop' });
    const ours = await signDelivery(standardWebhooks, { secret: VECTOR.secret, body, id: 'msg_ours', backend });
    expect(reference.verify(ours.body as string, ours.headers)).toEqual(JSON.parse(body));
  });
});
