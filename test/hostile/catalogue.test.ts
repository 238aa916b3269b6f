// The catalogue of hostile deliveries (catalogue-cases.ts), on Node with both backends, and the
// hostile configurations, each with the code it must end in.
import { describe, expect, it } from 'vitest';
import { ConfigurationError, type VerificationErrorCode } from '../../src/core/errors.js';
import { defineSender } from '../../src/core/sender.js';
import { createVerifier, type VerifierOptions } from '../../src/core/verifier.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { webCryptoBackend } from '../../src/crypto/web.js';
import { createEdgeSenseVerifier } from '../../src/senders/edgesense/index.js';
import { createPeridioVerifier, peridio } from '../../src/senders/peridio/index.js';
import { createStandardWebhooksVerifier } from '../../src/senders/standard-webhooks/index.js';
import { cases, EDGESENSE_SECRET, NOW, PERIDIO_SECRET, SW_SECRET, type Case } from './catalogue-cases.js';

/** The delivery-independent request shapes: what reaches verify() is not even an object. */
const nonObjects: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'body'],
  ['a number', 1],
];

const HEADERS: Record<Case['sender'], readonly string[]> = {
  peridio: ['peridio-signature', 'peridio-published-at'],
  'standard-webhooks': ['webhook-signature', 'webhook-timestamp', 'webhook-id'],
  edgesense: ['x-edgesense-signature'],
};

/** Messages say what to fix: which header, which limit, which likely mistake. */
function expectHelpfulMessage(code: VerificationErrorCode, message: string, sender: Case['sender']): void {
  const named = /the ([a-z-]+) header/.exec(message)?.[1];
  switch (code) {
    case 'missing_header':
    case 'malformed_header':
      expect(HEADERS[sender]).toContain(named);
      break;
    case 'timestamp_too_old':
    case 'timestamp_in_future':
      expect(message).toContain(code === 'timestamp_too_old' ? 'in the past' : 'in the future');
      expect(message).toMatch(sender === 'edgesense' ? /"timestamp"/ : /-(published-at|timestamp) header/);
      expect(message).toMatch(/more than \d+s/);
      break;
    case 'invalid_signature':
      expect(HEADERS[sender]).toContain(named);
      expect(message).toContain('raw');
      break;
    case 'no_active_secret':
      expect(message).toContain('notAfter');
      break;
    case 'invalid_body':
      expect(message).toMatch(/body|timestamp/);
      break;
    case 'body_too_large':
      expect(message).toContain('maxBodyBytes');
      break;
    case 'unsupported_encoding':
      expect(message).toContain('content-encoding');
      expect(message).toMatch(/decodes nothing/);
      break;
  }
}

function verifierFor(sender: Case['sender'], options: Partial<VerifierOptions> = {}, backend = nodeCryptoBackend()!) {
  const base = { now: () => NOW, backend, ...options };
  if (sender === 'peridio') return createPeridioVerifier({ secret: PERIDIO_SECRET, ...base });
  if (sender === 'standard-webhooks') return createStandardWebhooksVerifier({ secret: SW_SECRET, ...base });
  return createEdgeSenseVerifier({ secret: EDGESENSE_SECRET, ...base });
}

describe.each([
  ['node', nodeCryptoBackend()!],
  ['web', webCryptoBackend()],
])('catalogue of hostile deliveries (%s backend)', (_name, backend) => {
  it.each(cases)('$name -> $expected', async ({ sender, body, headers, expected, options }) => {
    const verifier = verifierFor(sender, options, backend);
    const input = { body, headers } as Parameters<typeof verifier.verify>[0];
    const outcome = await verifier.safeVerify(input);
    expect(outcome.ok ? 'ok' : outcome.code).toBe(expected);
    if (outcome.ok) return;
    expectHelpfulMessage(outcome.code, outcome.message, sender);
    await expect(verifier.verify(input)).rejects.toMatchObject({ name: 'WebhookVerificationError', code: expected });
  });

  it.each(nonObjects)('a request that is %s -> invalid_body', async (_label, input) => {
    const outcome = await verifierFor('peridio', {}, backend).safeVerify(input as never);
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_body' });
  });
});

describe('catalogue of hostile configurations', () => {
  const configurations: [string, string, () => unknown][] = [
    ['no secret (an unset environment variable)', 'invalid_secret', () => createPeridioVerifier({ secret: process.env.HOOKVERIFY_UNSET_SECRET })],
    ['an empty secret', 'invalid_secret', () => createPeridioVerifier({ secret: '' })],
    ['an empty list of secrets', 'invalid_secret', () => createPeridioVerifier({ secrets: [] })],
    ['a Peridio secret of 31 hex digits', 'invalid_secret', () => createPeridioVerifier({ secret: PERIDIO_SECRET.slice(1) })],
    ['a Peridio secret of 16 hex digits', 'invalid_secret', () => createPeridioVerifier({ secret: PERIDIO_SECRET.slice(16) })],
    ['a Peridio secret that is not hex', 'invalid_secret', () => createPeridioVerifier({ secret: 'z'.repeat(32) })],
    ['a whsec secret that is not base64', 'invalid_secret', () => createStandardWebhooksVerifier({ secret: 'whsec_***' })],
    ['a whitespace-only EdgeSense secret', 'invalid_secret', () => createEdgeSenseVerifier({ secret: '   ' })],
    ['an empty byte secret', 'invalid_secret', () => createEdgeSenseVerifier({ secret: new Uint8Array(0) })],
    ['a secret that is a number', 'invalid_secret', () => createEdgeSenseVerifier({ secret: 42 as never })],
    ['both secret and secrets', 'invalid_option', () => createPeridioVerifier({ secret: PERIDIO_SECRET, secrets: [PERIDIO_SECRET] })],
    ['a notAfter that is not a date', 'invalid_option', () => createPeridioVerifier({ secrets: [{ secret: PERIDIO_SECRET, notAfter: 'soon' }] })],
    ['only a secret already past its notAfter', 'invalid_secret', () => createPeridioVerifier({ secrets: [{ secret: PERIDIO_SECRET, notAfter: NOW - 1 }], now: () => NOW })],
    [
      'a custom sender whose id header is not signed',
      'invalid_option',
      () => defineSender({ ...peridio, id: { header: 'x-delivery' } }),
    ],
    [
      'a custom sender whose event-type header is not signed',
      'invalid_option',
      () => defineSender({ ...peridio, eventType: { header: 'x-event' } }),
    ],
    ['a text body for a sender that reads its id from the body', 'invalid_option', () => createPeridioVerifier({ secret: PERIDIO_SECRET, body: 'text' })],
    ['a tolerance of "NaN"', 'invalid_option', () => createPeridioVerifier({ secret: PERIDIO_SECRET, tolerance: 'NaN' as never })],
    ['a negative tolerance', 'invalid_option', () => createPeridioVerifier({ secret: PERIDIO_SECRET, tolerance: -5 })],
    ['an infinite tolerance', 'invalid_option', () => createPeridioVerifier({ secret: PERIDIO_SECRET, tolerance: Number.POSITIVE_INFINITY })],
    ['maxBodyBytes of 0', 'invalid_option', () => createPeridioVerifier({ secret: PERIDIO_SECRET, maxBodyBytes: 0 })],
    ['maxBodyBytes of 1.5', 'invalid_option', () => createPeridioVerifier({ secret: PERIDIO_SECRET, maxBodyBytes: 1.5 })],
    ['an EdgeSense signature header that is not a header name', 'invalid_option', () => createEdgeSenseVerifier({ secret: 's', signatureHeader: 'x signature' })],
    ['a sender description that is null', 'invalid_option', () => defineSender(null as never)],
    ['a sender with an empty name', 'invalid_option', () => defineSender({ ...peridio, name: '' })],
    ['a sender without a signature spec', 'invalid_option', () => defineSender({ ...peridio, signature: null as never })],
    ['a sender with an empty separator', 'invalid_option', () => defineSender({ ...peridio, signature: { ...peridio.signature, separator: '' } })],
    ['a sender with a separator that is not text', 'invalid_option', () => defineSender({ ...peridio, signature: { ...peridio.signature, separator: 5 as never } })],
    ['a sender whose prefix contains its separator', 'invalid_option', () => defineSender({ ...peridio, signature: { ...peridio.signature, prefix: 'v1,' } })],
    ['a sender with a timestamp of null', 'invalid_option', () => defineSender({ ...peridio, timestamp: null as never })],
    ['a sender with an unknown timestamp format', 'invalid_option', () => defineSender({ ...peridio, timestamp: { header: 'peridio-published-at', format: 'iso' as never } })],
    ['a sender with an id of null', 'invalid_option', () => defineSender({ ...peridio, id: null as never })],
    [
      'a sender that signs another header but not its timestamp header',
      'invalid_option',
      () => defineSender({ ...peridio, signedContent: '{x-other}{body}' }),
    ],
    [
      'a custom sender whose timestamp header is not signed',
      'invalid_option',
      () => createVerifier(defineSender({ ...peridio, signedContent: '{body}' }), { secret: PERIDIO_SECRET }),
    ],
  ];

  it.each(configurations)('%s -> %s', (_name, code, build) => {
    let error: unknown;
    try {
      build();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe(code);
  });
});
