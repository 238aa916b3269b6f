import { composeSender, createVerifier, headerParameters, body, bodyField, hmac, utf8Secret, unixSeconds, hex } from 'hookverify';

// Paddle Billing: `Paddle-Signature: ts=<unix>;h1=<hex>` over `<ts>:<body>`.
const signature = headerParameters({ header: 'paddle-signature', signature: 'h1', encoding: hex, pairSeparator: ';' });
const ts = signature.parameter('ts');

export const paddle = composeSender({
  name: 'paddle',
  signatures: signature,
  signed: [ts, ':', body],
  algorithm: hmac('sha256', utf8Secret),
  timestamp: unixSeconds(ts),
  id: bodyField('event_id'),
  eventType: bodyField('event_type'),
});

export const verifier = createVerifier(paddle, { secret: process.env.PADDLE_WEBHOOK_SECRET });
