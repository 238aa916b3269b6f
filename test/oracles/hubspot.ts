// HubSpot webhooks, signature v3: `X-HubSpot-Signature-v3: <base64 HMAC-SHA256>` keyed with the
// app's client secret (UTF-8), over `<method><URI><body><X-HubSpot-Request-Timestamp>`, the
// timestamp in milliseconds. (v1 and v2 are unkeyed SHA-256 of secret+body; not modelled here.)
import { Signature } from '@hubspot/api-client';
import { accepts, bodyByte, headerByte, hmac, installed, randomSecret, sameKey, text, post, urlByte, utf8, type Oracle, type SignInput } from './oracle.js';

const milliseconds = (input: SignInput) => String(input.timestamp * 1000);

const request = (input: SignInput, signature: string) =>
  post(input, { 'x-hubspot-request-timestamp': milliseconds(input), 'x-hubspot-signature-v3': signature });

export const hubspotOracle: Oracle = {
  name: 'hubspot-v3',
  sdk: installed('@hubspot/api-client'),
  example: {
    id: '100',
    url: 'https://receiver.example/webhooks/hubspot?portal=62515',
    body: utf8('[{"eventId":100,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.propertyChange","attemptNumber":0,"objectId":123,"propertyName":"firstname","propertyValue":"café ✓"}]'),
  },
  keys: () => sameKey(randomSecret('', 18).replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')),
  reference: { sign: (input) => request(input, hmac('sha256', input.key, [`POST${input.url}`, input.body, milliseconds(input)], 'base64')) },
  sign: async (input) => {
    const options = { signature: '', clientSecret: input.key, requestBody: text(input.body), url: input.url, timestamp: Number(milliseconds(input)) };
    return request(input, Signature.getSignature('POST', 'v3', options));
  },
  verify: (delivery, secret) =>
    accepts(() =>
      Signature.isValid({
        signatureVersion: 'v3',
        method: delivery.method,
        url: delivery.url,
        requestBody: text(delivery.body),
        clientSecret: secret,
        signature: delivery.headers['x-hubspot-signature-v3'] ?? '',
        timestamp: Number(delivery.headers['x-hubspot-request-timestamp']),
      }),
    ),
  replayWindow: { past: 300, future: null },
  tampers: [bodyByte(), urlByte(), headerByte('x-hubspot-request-timestamp')],
  vectors: [],
};
