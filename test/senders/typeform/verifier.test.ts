import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTypeformVerifier, typeform } from '../../../src/senders/typeform/index.js';
import { typeformOracle } from '../../oracles/typeform.js';
import { describeBodyHmacVendor } from '../body-hmac-vendor.js';
import { expectCode } from '../conformance.js';
import { bodyHmac } from '../reference-signers.js';

describeBodyHmacVendor({
  sender: typeform,
  create: createTypeformVerifier,
  oracle: typeformOracle,
  hash: 'sha256',
  payload: () => ({ event_id: '01HB6T0V8N2Q5J3R1W2X4Y6Z7A', event_type: 'form_response', form_response: { form_id: 'lT4Z3j', answers: [] } }),
  eventType: 'form_response',
});

describe('typeform: the signature encoding', () => {
  it("refuses a hex digest behind the sha256= prefix (that is GitHub's form, not Typeform's)", async () => {
    const secret = randomBytes(16).toString('hex');
    const body = '{"event_type":"form_response"}';
    const verifier = createTypeformVerifier({ secret });
    await expectCode(verifier, { body, headers: { 'typeform-signature': bodyHmac('sha256', 'sha256=')(secret, body) } }, 'malformed_header');
    const signature = bodyHmac('sha256', 'sha256=', 'base64')(secret, body);
    await expect(verifier.verify({ body, headers: { 'typeform-signature': signature } })).resolves.toMatchObject({ eventType: 'form_response' });
  });
});
