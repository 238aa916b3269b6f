import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createMetaVerifier, meta } from '../../../src/senders/meta/index.js';
import { metaOracle } from '../../oracles/meta.js';
import { describeBodyHmacVendor } from '../body-hmac-vendor.js';
import { expectCode } from '../conformance.js';
import { bodyHmac } from '../reference-signers.js';

describeBodyHmacVendor({
  sender: meta,
  create: createMetaVerifier,
  oracle: metaOracle,
  hash: 'sha256',
  payload: () => ({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messages: [{ id: 'wamid.1' }] } }] }] }),
  eventType: undefined,
});

describe('meta: \\u escapes', () => {
  it('verifies the body with its \\uXXXX escapes, and refuses it re-serialized with the characters themselves', async () => {
    const secret = randomBytes(16).toString('hex');
    const body = Buffer.from(metaOracle.example.body).toString('utf8');
    const headers = { 'x-hub-signature-256': bodyHmac('sha256', 'sha256=')(secret, body) };
    const verifier = createMetaVerifier({ secret });
    const delivery = await verifier.verify({ body, headers });
    expect(JSON.stringify(delivery.payload)).toContain('café ✓');
    await expectCode(verifier, { body: JSON.stringify(delivery.payload), headers }, 'invalid_signature');
  });
});
