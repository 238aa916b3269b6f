import { createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHubSpotVerifier, hubspot } from '../../../src/senders/hubspot/index.js';
import { hubspotOracle } from '../../oracles/hubspot.js';
import { describeConformance, expectCode } from '../conformance.js';
import { describeOracleChecks, sha256Hex } from '../oracle-checks.js';

const URL_ = 'https://example.com/webhooks/hubspot?portal=62515';

/** HubSpot v3, written out: base64 HMAC-SHA256 of method + URI + body + timestamp (ms). */
const v3Signature = (secret: string, body: string | Uint8Array, ms: string, method = 'POST', url = URL_) =>
  createHmac('sha256', secret).update(method + url).update(body).update(ms).digest('base64');

describeOracleChecks({
  sender: hubspot,
  create: (options) => createHubSpotVerifier(options),
  oracle: hubspotOracle,
  expected: (request) => ({ id: sha256Hex(request.body), eventType: undefined }),
  tampers: [{ what: 'the request method', refused: true, apply: (request) => ({ ...request, method: 'PUT' }) }],
});

describeConformance({
  name: 'hubspot',
  sender: hubspot,
  create: (options) => createHubSpotVerifier({ ...options, url: URL_ }),
  url: URL_,
  secrets: [randomUUID(), randomUUID()],
  wrongSecret: randomUUID(),
  multiSignature: false,
  timestampIn: 'header',
  payload: (ms) => ({ eventId: 100, subscriptionType: 'contact.creation', occurredAt: ms, attemptNumber: 0 }),
  sign: (body, ms, [secret]) => ({ 'x-hubspot-request-timestamp': String(ms), 'x-hubspot-signature-v3': v3Signature(secret!, body, String(ms)) }),
  expectedId: (body) => sha256Hex(body),
});

describe('hubspot: method and URL', () => {
  const secret = randomUUID();
  const body = '[{"eventId":1}]';
  const ms = String(Date.UTC(2026, 10, 23, 12));
  const now = () => Number(ms);

  it('reads the method and URL of each request, the method in any case', async () => {
    const verifier = createHubSpotVerifier({ secret, now });
    const headers = { 'x-hubspot-request-timestamp': ms, 'x-hubspot-signature-v3': v3Signature(secret, body, ms, 'GET') };
    await expect(verifier.verify({ body, headers, url: URL_, method: 'get' })).resolves.toMatchObject({ sender: 'hubspot' });
    await expectCode(verifier, { body, headers, url: URL_, method: 'POST' }, 'invalid_signature');
    await expectCode(verifier, { body, headers, url: URL_.replace('62515', '62516'), method: 'GET' }, 'invalid_signature');
  });

  it('signs the URL exactly as given, as the SDK does: a percent-escape is not decoded', async () => {
    const escaped = 'https://example.com/webhooks/hubspot?next=a%3Ab';
    const headers = { 'x-hubspot-request-timestamp': ms, 'x-hubspot-signature-v3': v3Signature(secret, body, ms, 'POST', 'https://example.com/webhooks/hubspot?next=a:b') };
    await expectCode(createHubSpotVerifier({ secret, now }), { body, headers, url: escaped }, 'invalid_signature');
    await expect(createHubSpotVerifier({ secret, now, url: 'https://example.com/webhooks/hubspot?next=a:b' }).verify({ body, headers, url: escaped })).resolves.toBeDefined();
  });

  it('refuses a timestamp in seconds as one far in the past', async () => {
    const seconds = String(Number(ms) / 1000);
    const headers = { 'x-hubspot-request-timestamp': seconds, 'x-hubspot-signature-v3': v3Signature(secret, body, seconds) };
    await expectCode(createHubSpotVerifier({ secret, now, url: URL_ }), { body, headers }, 'timestamp_too_old');
  });
});
