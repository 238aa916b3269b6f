import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTypeformVerifier, typeform } from '../../../src/senders/typeform/index.js';
import { typeformOracle } from '../../oracles/typeform.js';
import { describeConformance, expectCode } from '../conformance.js';
import { describeSdkChecks, jsonOf, sha256Hex } from '../sdk-checks.js';

/** Typeform's documented algorithm: `sha256=` + base64 HMAC-SHA256 of the raw body. */
const typeformSignature = (secret: string, body: string | Uint8Array) => `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`;

describeSdkChecks({
  sender: typeform,
  create: (options) => createTypeformVerifier(options),
  oracle: typeformOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: 'form_response', payload: jsonOf(request), authenticated: 'body' }),
});

describeConformance({
  name: 'typeform',
  sender: typeform,
  create: createTypeformVerifier,
  secrets: [randomBytes(16).toString('hex'), randomBytes(16).toString('hex')],
  wrongSecret: randomBytes(16).toString('hex'),
  multiSignature: false,
  timestampIn: 'none',
  payload: () => ({ event_id: '01HB6T0V8N2Q5J3R1W2X4Y6Z7A', event_type: 'form_response', form_response: { form_id: 'lT4Z3j', answers: [] } }),
  sign: (body, _ms, [secret]) => ({ 'typeform-signature': typeformSignature(secret!, body) }),
  expectedId: (body) => sha256Hex(body),
});

describe('typeform: the signature encoding', () => {
  it('refuses a hex digest behind the sha256= prefix (that is GitHub\'s form, not Typeform\'s)', async () => {
    const secret = randomBytes(16).toString('hex');
    const body = '{"event_type":"form_response"}';
    const hexSignature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    await expectCode(createTypeformVerifier({ secret }), { body, headers: { 'typeform-signature': hexSignature } }, 'malformed_header');
    await expect(createTypeformVerifier({ secret }).verify({ body, headers: { 'typeform-signature': typeformSignature(secret, body) } })).resolves.toMatchObject({ eventType: 'form_response' });
  });
});
