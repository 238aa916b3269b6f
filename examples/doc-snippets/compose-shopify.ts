import { composeSender, createVerifier, signatureHeader, header, body, hmac, utf8Secret, bodyDigest, base64 } from 'hookverify';

// Shopify signs only the body, and sends no timestamp: replayable, so its id is the body's digest.
export const shopify = composeSender({
  name: 'shopify',
  signatures: signatureHeader({ header: 'x-shopify-hmac-sha256', encoding: base64 }),
  signed: [body],
  algorithm: hmac('sha256', utf8Secret),
  id: bodyDigest,
  eventType: { source: header('x-shopify-topic'), unsignedAllowsRelabeling: true },
});

export const verifier = createVerifier(shopify, { secret: process.env.SHOPIFY_WEBHOOK_SECRET });
console.log(shopify.replayProtection); // "none": receive it with dedupe
