import { composeSender, createVerifier, signatureHeader, requestUrl, body, bodyField, hmac, utf8Secret, base64 } from 'hookverify';

// Square: an HMAC-SHA256 of the notification URL followed by the body, in base64. No timestamp
// is signed, so deliveries are replayable: dedupe on the signed body's event_id.
export const square = composeSender({
  name: 'square',
  signatures: signatureHeader({ header: 'x-square-hmacsha256-signature', encoding: base64 }),
  signed: [requestUrl, body],
  algorithm: hmac('sha256', utf8Secret),
  id: bodyField('event_id'),
  eventType: bodyField('type'),
});

// Behind a proxy the request URL may not be the public one Square signed: pin it.
export const verifier = createVerifier(square, {
  secret: process.env.SQUARE_SIGNATURE_KEY,
  url: 'https://example.com/webhooks/square',
});
console.log(square.replayProtection); // "none": receive it with dedupe
