// Twilio: `X-Twilio-Signature: <base64 HMAC-SHA1>` keyed with the auth token (UTF-8), over the
// full URL Twilio requested followed by every form parameter, sorted by name, as name+value with
// no separators. A JSON body is not signed itself: its SHA-256 (hex) rides in the URL's
// `bodySHA256` query parameter, and the URL alone is signed.
import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { bodyByte, hmac, installed, post, randomSecret, sameKey, text, urlByte, utf8, type Oracle, type SignInput, type Vector } from './oracle.js';

const TOKEN = '12345';

function formParams(body: Uint8Array): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text(body))) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

function formSignedContent(url: string, body: Uint8Array): string {
  // Sorted by name (UTF-16 code units, which is case-sensitive ASCII order), then by value for a
  // repeated name, as the SDKs do; Twilio's documentation does not mention repeated names.
  const pairs = [...new URLSearchParams(text(body))].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return url + pairs.map(([name, value]) => name + value).join('');
}

const formRequest = (input: SignInput, signature: string) =>
  post(input, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });

const docsParams = 'CallSid=CA1234567890ABCDE&Caller=%2B14158675310&Digits=1234&From=%2B14158675310&To=%2B18005551212';
const sdkSuiteParams = 'CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212&Caller=%2B14158675309';
const vector = (source: string, url: string, body: string, value: string): Vector => ({
  source,
  input: { key: TOKEN, body: utf8(body), timestamp: 0, id: 'unused', url },
  header: 'x-twilio-signature',
  value,
  verifyingKey: TOKEN,
  reproducible: true,
});
const PYTHON_SUITE = 'github.com/twilio/twilio-python, tests/unit/test_request_validator.py';

export const twilioOracle: Oracle = {
  name: 'twilio',
  sdk: installed('twilio'),
  example: {
    id: 'unused',
    url: 'https://receiver.example/twilio/sms?tenant=7',
    body: utf8('AccountSid=AC0123456789abcdef&Body=caf%C3%A9+%E2%9C%93&From=%2B14158675310&MessageSid=SM0123456789abcdef&To=%2B18005551212'),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: { sign: (input) => formRequest(input, hmac('sha1', input.key, [formSignedContent(input.url, input.body)], 'base64')) },
  sign: async (input) => formRequest(input, twilio.getExpectedTwilioSignature(input.key, input.url, formParams(input.body))),
  verify: async (delivery, token) =>
    twilio.validateRequest(token, delivery.headers['x-twilio-signature'] ?? '', delivery.url, formParams(delivery.body)),
  tampers: [bodyByte(), urlByte()],
  vectors: [
    vector('twilio.com/docs/usage/security, "Validating requests", the worked example', 'https://example.com/myapp.php?foo=1&bar=2', docsParams, 'L/OH5YylLD5NRKLltdqwSvS0BnU='),
    vector(`${PYTHON_SUITE} test_compute_signature`, 'https://mycompany.com/myapp.php?foo=1&bar=2', sdkSuiteParams, 'RSOYDt4T1cUTdK1PDd93/VVr8B8='),
    vector(
      `${PYTHON_SUITE} test_compute_signature_duplicate_multi_dict (a repeated name)`,
      'https://mycompany.com/myapp.php?foo=1&bar=2',
      'Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234',
      'IK+Dwps556ElfBT0I3Rgjkr1wJU=',
    ),
  ],
};

function jsonUrl(url: string, body: Uint8Array): string {
  const digest = createHash('sha256').update(body).digest('hex');
  return `${url}${url.includes('?') ? '&' : '?'}bodySHA256=${digest}`;
}

// The delivery goes to the URL with bodySHA256 appended, which is also what is signed.
const jsonRequest = (input: SignInput, signature: string) =>
  post({ ...input, url: jsonUrl(input.url, input.body) }, { 'x-twilio-signature': signature });

export const twilioJsonOracle: Oracle = {
  name: 'twilio-json',
  sdk: installed('twilio'),
  example: {
    id: 'unused',
    url: 'https://receiver.example/twilio/events',
    body: utf8('{"specversion":"1.0","type":"com.twilio.messaging.message.delivered","data":{"body":"café ✓"}}'),
  },
  keys: () => sameKey(randomSecret('', 16)),
  reference: { sign: (input) => jsonRequest(input, hmac('sha1', input.key, [jsonUrl(input.url, input.body)], 'base64')) },
  sign: async (input) => jsonRequest(input, twilio.getExpectedTwilioSignature(input.key, jsonUrl(input.url, input.body), {})),
  verify: async (delivery, token) =>
    twilio.validateRequestWithBody(token, delivery.headers['x-twilio-signature'] ?? '', delivery.url, text(delivery.body)),
  tampers: [bodyByte(), urlByte()],
  vectors: [
    vector(`${PYTHON_SUITE} test_validation_of_body_succeeds`, 'https://mycompany.com/myapp.php?foo=1&bar=2', '{"property": "value", "boolean": true}', 'a9nBmqA0ju/hNViExpshrM61xv4='),
  ],
};
