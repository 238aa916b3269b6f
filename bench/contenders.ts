// The other libraries, each called the way its README shows, on a Buffer body as a Node server
// receives it; and the hookverify senders for the same schemes. Each wrapper answers true for
// an accepted delivery and false for a refused one, so one sanity check fits them all.
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { defineSender } from '../src/core/sender.js';
import { GITHUB_SECRET, STRIPE_SECRET, type Delivery } from './fixtures.js';


export type Check = (delivery: Delivery) => unknown;

/** standardwebhooks: pure-JS SHA-256; verify() returns the parsed payload or throws. */
export function standardWebhooksContender(secret: string): Check {
  const webhook = new StandardWebhook(secret);
  return (delivery) => webhook.verify(delivery.body, delivery.headers);
}

/** svix (v1): wraps standardwebhooks after normalising the header names. */
export function svixContender(secret: string): Check {
  const webhook = new SvixWebhook(secret);
  return (delivery) => webhook.verify(delivery.body, delivery.headers);
}

/** @octokit/webhooks-methods: wants the payload as a string, and resolves to a boolean. */
export function octokitContender(): Check {
  return (delivery) =>
    octokitVerify(GITHUB_SECRET, delivery.body.toString('utf8'), delivery.headers['x-hub-signature-256']!);
}

/** stripe: `webhooks.constructEvent` verifies, then parses; it throws on a bad signature. */
export function stripeContender(): Check {
  const stripe = new Stripe('sk_test_hookverify_benchmark');
  return (delivery) => stripe.webhooks.constructEvent(delivery.body, delivery.headers['stripe-signature']!, STRIPE_SECRET);
}

/**
 * GitHub as a hookverify sender, as examples/custom-senders/github.ts describes it less its
 * event type, which octokit's verify does not read either (repeated here because the examples
 * import the built package, which type checking must not need).
 */
export const github = defineSender({
  name: 'github',
  signature: { header: 'x-hub-signature-256', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  id: { bodyDigest: 'sha256' },
});

/**
 * Stripe's scheme as far as a sender definition can say it: the same key, the same signed bytes
 * (`<t>.<body>`) and the same hex digest, with `t` and `v1` in headers of their own because a
 * definition cannot yet read two values out of one `stripe-signature` header.
 */
export const stripeShaped = defineSender({
  name: 'stripe-shaped',
  signature: { header: 'x-stripe-v1', encoding: 'hex' },
  signedContent: '{x-stripe-timestamp}.{body}',
  secretEncoding: 'utf8',
  timestamp: { header: 'x-stripe-timestamp', format: 'unix-seconds' },
});
