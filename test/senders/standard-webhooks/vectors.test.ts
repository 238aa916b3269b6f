import { describe, expect, it } from 'vitest';
import { webCryptoBackend, nodeCryptoBackend, type CryptoBackend } from '../../../src/index.js';
import { createStandardWebhooksVerifier } from '../../../src/senders/standard-webhooks/index.js';

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
