// Standard Webhooks v1a (Ed25519, whpk_ public keys). No SDK implements v1a, so it is checked
// against the oracle's reference signer (node:crypto, from the specification) and against
// discord-interactions' Ed25519 verifier (Web Crypto), and a one-byte change is refused.
import { verifyKey } from 'discord-interactions';
import { describe, expect, it } from 'vitest';
import { webCryptoBackend } from '../../../src/crypto/web.js';
import { nodeCryptoBackend } from '../../../src/crypto/node.js';
import { createStandardWebhooksV1aVerifier, standardWebhooksV1a } from '../../../src/senders/standard-webhooks/index.js';
import { generateSigningKeys, signDelivery } from '../../../src/testing/index.js';
import { standardWebhooksV1aOracle, standardWebhooksV1Oracle } from '../../oracles/standard-webhooks.js';
import { expectCode } from '../conformance.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const input = (key: string) => ({ ...standardWebhooksV1aOracle.example, key, timestamp: Math.floor(Date.now() / 1000) });

describe('standard-webhooks v1a', () => {
  for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
    it(`verifies what the reference signer signs, on the ${backend.name} backend`, async () => {
      const { signingKey, verifyingKey } = standardWebhooksV1aOracle.keys();
      const request = standardWebhooksV1aOracle.reference.sign(input(signingKey));
      const verifier = createStandardWebhooksV1aVerifier({ secret: verifyingKey, backend });
      const delivery = await verifier.verify({ body: request.body, headers: request.headers });
      expect(delivery).toMatchObject({ sender: 'standard-webhooks-v1a', id: request.headers['webhook-id'], replayable: false });
      expect(delivery.payload).toEqual(JSON.parse(text(request.body)));
    });
  }

  it('signs what Ed25519 verifiers accept: discord-interactions, and itself', async () => {
    const keys = await generateSigningKeys(standardWebhooksV1a);
    expect(keys.privateKey).toMatch(/^whsk_/);
    expect(keys.publicKey).toMatch(/^whpk_/);
    const signed = await signDelivery(standardWebhooksV1a, { secret: keys.privateKey, body: { type: 'ping' }, id: 'msg_1' });
    const [version, signature] = signed.headers['webhook-signature']!.split(',');
    expect(version).toBe('v1a');
    const prefix = `msg_1.${signed.headers['webhook-timestamp']}.`;
    const publicHex = Buffer.from(keys.publicKey.slice(5), 'base64').toString('hex');
    await expect(verifyKey(signed.body as string, Buffer.from(signature!, 'base64').toString('hex'), prefix, publicHex)).resolves.toBe(true);
    await expect(createStandardWebhooksV1aVerifier({ secret: keys.publicKey }).verify(signed)).resolves.toMatchObject({ id: 'msg_1' });
    // The reference signer's whsk_ keys sign alike.
    const { signingKey, verifyingKey } = standardWebhooksV1aOracle.keys();
    const ours = await signDelivery(standardWebhooksV1a, { secret: signingKey, body: 'x', id: 'msg_2', timestamp: 1_700_000_000_000 });
    const theirs = standardWebhooksV1aOracle.reference.sign({ ...input(signingKey), id: 'msg_2', timestamp: 1_700_000_000, body: new TextEncoder().encode('x') });
    expect(ours.headers['webhook-signature']).toBe(theirs.headers['webhook-signature']);
    expect(verifyingKey).toMatch(/^whpk_/);
  });

  it('refuses a one-byte change of the body, the id, the timestamp or the signature', async () => {
    const { signingKey, verifyingKey } = standardWebhooksV1aOracle.keys();
    const request = standardWebhooksV1aOracle.reference.sign(input(signingKey));
    const verifier = createStandardWebhooksV1aVerifier({ secret: verifyingKey });
    const body = Uint8Array.from(request.body);
    body[3]! ^= 1;
    await expectCode(verifier, { body, headers: request.headers }, 'invalid_signature');
    await expectCode(verifier, { body: request.body, headers: { ...request.headers, 'webhook-id': `${request.headers['webhook-id']}x` } }, 'invalid_signature');
    const ts = Number(request.headers['webhook-timestamp']);
    await expectCode(verifier, { body: request.body, headers: { ...request.headers, 'webhook-timestamp': String(ts - 1) } }, 'invalid_signature');
    const sig = request.headers['webhook-signature']!;
    const flipped = sig.slice(0, 4) + (sig[4] === 'A' ? 'B' : 'A') + sig.slice(5);
    await expectCode(verifier, { body: request.body, headers: { ...request.headers, 'webhook-signature': flipped } }, 'invalid_signature');
  });

  it('skips v1 entries beside v1a ones, and is refused by the v1 scheme', async () => {
    const { signingKey, verifyingKey } = standardWebhooksV1aOracle.keys();
    const request = standardWebhooksV1aOracle.reference.sign(input(signingKey));
    const v1 = standardWebhooksV1Oracle.reference.sign({ ...input(standardWebhooksV1Oracle.keys().signingKey), id: request.headers['webhook-id']!, timestamp: Number(request.headers['webhook-timestamp']) });
    const both = { ...request.headers, 'webhook-signature': `${v1.headers['webhook-signature']} ${request.headers['webhook-signature']}` };
    await expect(createStandardWebhooksV1aVerifier({ secret: verifyingKey }).verify({ body: request.body, headers: both })).resolves.toBeDefined();
    const onlyV1 = await createStandardWebhooksV1aVerifier({ secret: verifyingKey }).safeVerify({ body: v1.body, headers: v1.headers });
    expect(onlyV1).toMatchObject({ ok: false, code: 'malformed_header' });
  });

  it('takes only public keys, and checks at most 4 signatures per key', async () => {
    expect(() => createStandardWebhooksV1aVerifier({ secret: 'whpk_AAAA' })).toThrow(/32-byte Ed25519 public key/);
    const { signingKey, verifyingKey } = standardWebhooksV1aOracle.keys();
    const request = standardWebhooksV1aOracle.reference.sign(input(signingKey));
    const entry = request.headers['webhook-signature']!;
    const five = { ...request.headers, 'webhook-signature': Array.from({ length: 5 }, () => entry).join(' ') };
    await expectCode(createStandardWebhooksV1aVerifier({ secret: verifyingKey }), { body: request.body, headers: five }, 'malformed_header');
    expect(standardWebhooksV1a.algorithm).toMatchObject({ kind: 'ed25519', maxSignatures: 4, key: { encoding: 'whpk', public: true } });
  });

  it('refuses a backend of its own that cannot verify public keys, at construction', () => {
    const hmacOnly = { ...nodeCryptoBackend()!, name: 'custom' };
    expect(() => createStandardWebhooksV1aVerifier({ secret: standardWebhooksV1aOracle.keys().verifyingKey, backend: hmacOnly })).toThrow(/cannot verify Ed25519/);
  });
});
