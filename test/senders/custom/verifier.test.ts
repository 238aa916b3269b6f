import { createHmac, randomBytes } from 'node:crypto';
import { createVerifier } from '../../../src/core/verifier.js';
import { defineSender } from '../../../src/core/sender.js';
import { describeConformance } from '../conformance.js';

// A sender unlike the built-in ones: base64 key, `t1=`-prefixed base64 signatures separated by
// ";", a millisecond timestamp joined to the body by ":", and an id computed by a function.
const acme = defineSender({
  name: 'acme',
  signature: { header: 'X-Acme-Signature', encoding: 'base64', prefix: 't1=', separator: ';' },
  signedContent: '{X-Acme-Timestamp}:{body}',
  secretEncoding: 'base64',
  timestamp: { header: 'X-Acme-Timestamp', format: 'unix-millis' },
  id: ({ payload }) => `acme:${(payload as { id?: string }).id ?? 'none'}`,
});

describeConformance({
  name: 'custom (acme)',
  sender: acme,
  create: (options) => createVerifier(acme, options),
  secrets: [randomBytes(32).toString('base64'), randomBytes(16).toString('base64')],
  wrongSecret: randomBytes(32).toString('base64'),
  multiSignature: true,
  timestampIn: 'header',
  payload: (ms) => ({ id: 'evt_42', kind: 'order.paid', at: ms }),
  sign: (body, ms, secrets) => {
    const timestamp = String(ms);
    const sigs = secrets.map(
      (secret) => `t1=${createHmac('sha256', Buffer.from(secret, 'base64')).update(`${timestamp}:`).update(body).digest('base64')}`,
    );
    return { 'x-acme-timestamp': timestamp, 'x-acme-signature': sigs.join(';') };
  },
  expectedId: (_body, _headers, payload) => `acme:${payload.id as string}`,
});
