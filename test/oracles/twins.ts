// Cross-checks for vendors without an SDK that verifies: another vendor's SDK whose scheme is
// byte for byte the same framing (prefix, separators, digest encoding) over the same bytes. They
// prove a reference signer frames its signature as documented; that the vendor uses this
// framing at all rests on the vendor's documentation (see VENDORS.md).
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { validateSignature } from '@line/bot-sdk';
import { verifySlackRequest } from '@slack/bolt/dist/receivers/verify-request.js';
import Razorpay from 'razorpay';
import Stripe from 'stripe';
import { accepts, header, installed, text, type CrossCheck, type SignedRequest } from './oracle.js';

/** A header name, or how to read a value that travels elsewhere (Mailgun's is in the body). */
type Source = string | ((request: SignedRequest) => string);

const read = (request: SignedRequest, source: Source) => (typeof source === 'string' ? header(request, source) : source(request));
const body = (request: SignedRequest) => text(request.body);

/** A bare hex HMAC-SHA256 over `content` (by default the body): Razorpay's scheme. */
export function hexSha256Twin(signature: Source, content: Source = body): CrossCheck {
  return {
    by: `${installed('razorpay')} validateWebhookSignature (bare hex HMAC-SHA256, UTF-8 key)`,
    verify: (request, secret) => accepts(() => Razorpay.validateWebhookSignature(read(request, content), read(request, signature), secret)),
  };
}

/** `sha256=<hex HMAC-SHA256>` over `content` (by default the body): GitHub's scheme. */
export function prefixedHexSha256Twin(signature: Source, content: Source = body): CrossCheck {
  return {
    by: `${installed('@octokit/webhooks-methods')} verify (sha256=<hex HMAC-SHA256>, UTF-8 key)`,
    verify: (request, secret) => accepts(() => octokitVerify(secret, read(request, content), read(request, signature))),
  };
}

/** `<prefix><base64 HMAC-SHA256>` over the body: LINE's scheme once the prefix is removed. */
export function base64Sha256Twin(name: string, prefix: string): CrossCheck {
  return {
    by: `${installed('@line/bot-sdk')} validateSignature (base64 HMAC-SHA256 over the body, UTF-8 key)`,
    verify: async (request, secret) => {
      const value = header(request, name);
      return value.startsWith(prefix) && accepts(() => validateSignature(Buffer.from(request.body), secret, value.slice(prefix.length)));
    },
  };
}

/** Slack's verifier reading `v0=<hex>` of "v0:<ts>:<body>" from the given headers. */
export function slackShapedVerify(signature: string, timestamp: string): (request: SignedRequest, secret: string) => Promise<boolean> {
  return (request, secret) =>
    accepts(() =>
      verifySlackRequest({
        signingSecret: secret,
        body: text(request.body),
        headers: { 'x-slack-signature': header(request, signature), 'x-slack-request-timestamp': Number(header(request, timestamp)) },
      }),
    );
}

const stripe = new Stripe('sk_test_hookverify_oracle');

/** `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: Stripe's scheme under another header name. */
export function stripeShapedTwin(name: string): CrossCheck {
  return {
    by: `${installed('stripe')} webhooks.constructEvent (t=<unix>,v1=<hex> over "<t>.<body>")`,
    verify: (request, secret) => accepts(() => stripe.webhooks.constructEvent(request.body, header(request, name), secret)),
  };
}
