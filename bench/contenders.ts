// The other libraries, each called the way its README shows, on a Buffer body as a Node server
// receives it; hookverify's own senders for their schemes are the built-in stripe and github.
// Each wrapper answers true for an accepted delivery and false for a refused one, so one sanity
// check fits them all.
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
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
