import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMetaVerifier, meta } from '../../../src/senders/meta/index.js';
import { metaOracle } from '../../oracles/meta.js';
import { describeConformance, expectCode } from '../conformance.js';
import { describeSdkChecks, jsonOf, sha256Hex } from '../sdk-checks.js';

/** Meta's documented algorithm: `sha256=` + hex HMAC-SHA256 of the raw body. */
const metaSignature = (secret: string, body: string | Uint8Array) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describeSdkChecks({
  sender: meta,
  create: (options) => createMetaVerifier(options),
  oracle: metaOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: undefined, payload: jsonOf(request), authenticated: 'body' }),
});

describeConformance({
  name: 'meta',
  sender: meta,
  create: createMetaVerifier,
  secrets: [randomBytes(16).toString('hex'), randomBytes(16).toString('hex')],
  wrongSecret: randomBytes(16).toString('hex'),
  multiSignature: false,
  timestampIn: 'none',
  payload: () => ({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messages: [{ id: 'wamid.1' }] } }] }] }),
  sign: (body, _ms, [secret]) => ({ 'x-hub-signature-256': metaSignature(secret!, body) }),
  expectedId: (body) => sha256Hex(body),
});

describe('meta: \\u escapes', () => {
  it('verifies the body with its \\uXXXX escapes, and refuses it re-serialized with the characters themselves', async () => {
    const secret = randomBytes(16).toString('hex');
    const body = Buffer.from(metaOracle.example.body).toString('utf8');
    const headers = { 'x-hub-signature-256': metaSignature(secret, body) };
    const verifier = createMetaVerifier({ secret });
    const delivery = await verifier.verify({ body, headers });
    expect(JSON.stringify(delivery.payload)).toContain('café ✓');
    await expectCode(verifier, { body: JSON.stringify(delivery.payload), headers }, 'invalid_signature');
  });
});
