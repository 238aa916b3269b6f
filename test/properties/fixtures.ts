// Shared arbitraries and sender cases for the property suites: every sender hookverify ships,
// plus a custom one, each with a secret generator in the encoding its dashboard shows.
import fc from 'fast-check';
import { encodeBase64, encodeHex } from '../../src/core/encoding.js';
import type { SignatureHeaderSource } from '../../src/core/scheme/signatures/signature-header.js';
import { defineSender, type Sender } from '../../src/core/sender.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { calendly } from '../../src/senders/calendly/index.js';
import { coinbaseCommerce } from '../../src/senders/coinbase-commerce/index.js';
import { discord } from '../../src/senders/discord/index.js';
import { edgesense } from '../../src/senders/edgesense/index.js';
import { hubspot } from '../../src/senders/hubspot/index.js';
import { intercom } from '../../src/senders/intercom/index.js';
import { lemonSqueezy } from '../../src/senders/lemon-squeezy/index.js';
import { line } from '../../src/senders/line/index.js';
import { linear } from '../../src/senders/linear/index.js';
import { mailgun } from '../../src/senders/mailgun/index.js';
import { meta } from '../../src/senders/meta/index.js';
import { mux } from '../../src/senders/mux/index.js';
import { paddle } from '../../src/senders/paddle/index.js';
import { peridio } from '../../src/senders/peridio/index.js';
import { razorpay } from '../../src/senders/razorpay/index.js';
import { sendgrid } from '../../src/senders/sendgrid/index.js';
import { sentry } from '../../src/senders/sentry/index.js';
import { shopify } from '../../src/senders/shopify/index.js';
import { slack, slackCommands } from '../../src/senders/slack/index.js';
import { square } from '../../src/senders/square/index.js';
import { standardWebhooks } from '../../src/senders/standard-webhooks/index.js';
import { twilio, twilioJson } from '../../src/senders/twilio/index.js';
import { twitch } from '../../src/senders/twitch/index.js';
import { typeform } from '../../src/senders/typeform/index.js';
import { vercel } from '../../src/senders/vercel/index.js';
import { zoom } from '../../src/senders/zoom/index.js';

/** Runs per property: 10,000 in CI (the default), fewer when asked, e.g. under Stryker. */
export const NUM_RUNS = Number(process.env.HOOKVERIFY_PROPERTY_RUNS ?? 10_000);

/** node:crypto: the backend every property runs on, for speed (web is covered by unit tests). */
export const backend = nodeCryptoBackend()!;

export const TOLERANCE_MS = 300_000;

/** A GitHub-like sender with a millisecond timestamp header, to cover a custom definition. */
export const acme = defineSender({
  name: 'acme',
  signature: { header: 'x-acme-signature', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{x-acme-delivery}.{x-acme-timestamp}.{body}',
  secretEncoding: 'utf8',
  timestamp: { header: 'x-acme-timestamp', format: 'unix-millis' },
  id: { header: 'x-acme-delivery' },
}) as Sender<SignatureHeaderSource>;

export interface SenderCase {
  readonly name: string;
  readonly sender: Sender<SignatureHeaderSource>;
  /** Secrets as users configure them. */
  readonly secret: fc.Arbitrary<string | Uint8Array>;
  /** Whether the replay window is read from the body (EdgeSense) rather than a header. */
  readonly bodyTimestamp: boolean;
  /** The URL deliveries are signed for, for senders that sign it. */
  readonly url?: string;
}

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });

export const senderCases: readonly SenderCase[] = [
  {
    name: 'peridio',
    sender: peridio,
    // 128-bit and longer secrets, shown upper-case by Peridio; either case must work.
    secret: fc.tuple(bytes(16, 48), fc.boolean()).map(([key, upper]) => encodeHex(key, upper ? 'upper' : 'lower')),
    bodyTimestamp: false,
  },
  {
    name: 'edgesense',
    sender: edgesense,
    secret: fc.string({ minLength: 1, maxLength: 64, unit: 'binary' }).filter((s) => s.trim().length > 0),
    bodyTimestamp: true,
  },
  {
    name: 'standard-webhooks',
    sender: standardWebhooks,
    secret: fc.tuple(bytes(1, 64), fc.boolean()).map(([key, prefixed]) => `${prefixed ? 'whsec_' : ''}${encodeBase64(key)}`),
    bodyTimestamp: false,
  },
  {
    name: 'custom (acme)',
    sender: acme,
    secret: fc.oneof(
      fc.string({ minLength: 1, maxLength: 64 }).filter((s) => s.trim().length > 0),
      bytes(1, 64),
    ),
    bodyTimestamp: false,
  },
];

const SIGNED_URL = 'https://receiver.example/webhooks?tenant=7';

/**
 * Vendor definitions (issue #12), for the suites that take a sender of any shape (hostile input):
 * public-key ones, and Mailgun, whose signature is in the body, among them. The tampering and
 * round-trip suites read signature headers directly; these go through signDelivery alone. Each
 * is signed for one URL, which its verifier pins: Square, HubSpot and Twilio sign it.
 */
export const vendorSenders: readonly { readonly name: string; readonly sender: Sender; readonly url: string }[] = [
  calendly,
  coinbaseCommerce,
  discord,
  hubspot,
  intercom,
  lemonSqueezy,
  line,
  linear,
  mailgun,
  meta,
  mux,
  paddle,
  razorpay,
  sendgrid,
  sentry,
  shopify,
  slack,
  slackCommands,
  square,
  twilio,
  twilioJson,
  twitch,
  typeform,
  vercel,
  zoom,
].map((sender) => ({ name: sender.name, sender, url: SIGNED_URL }));

/** A fixed-ish "now" anywhere between 2001 and 2100, so no property depends on today's date. */
export const nowArb = fc.integer({ min: 1_000_000_000_000, max: 4_102_444_800_000 });

/**
 * An offset inside the replay window. Unix-seconds senders drop the milliseconds, so a second
 * of margin keeps every generated time strictly inside for every format.
 */
export const inWindowOffsetArb = fc.integer({ min: -TOLERANCE_MS + 1000, max: TOLERANCE_MS - 1000 });

/** Any JSON value as text, in compact or spaced form: what a sender may put on the wire. */
export const jsonTextArb = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value, null, 2)),
);

/** Any bytes at all: the signature covers bytes, whatever they mean. */
export const rawBodyArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  bytes(0, 300),
);
