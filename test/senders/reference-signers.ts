// Reference signers the vendor tests share, written with node:crypto from each documented
// scheme, never with hookverify: one HMAC per secret, in the vendor's framing.
import { createHmac } from 'node:crypto';

type Body = string | Uint8Array;

/** `<prefix><HMAC>` of the raw body, UTF-8 key, hex unless said (Typeform: base64): the scheme of the vendors that sign only their body. */
export function bodyHmac(hash: 'sha1' | 'sha256', prefix = '', encoding: 'hex' | 'base64' = 'hex'): (secret: string, body: Body) => string {
  return (secret, body) => `${prefix}${createHmac(hash, secret).update(body).digest(encoding)}`;
}

/**
 * A header of parameters with the Unix time and one hex HMAC-SHA256 of `<time><between><body>`
 * per secret: `t=<s>,v1=<hex>` (Mux, Calendly), `ts=<s>;h1=<hex>` (Paddle).
 */
export function timestampedParameters(scheme: { time: string; signature: string; pairSeparator: string; between: string }) {
  return (body: Body, ms: number, secrets: readonly string[]): string => {
    const time = Math.floor(ms / 1000);
    const signatures = secrets.map(
      (secret) => `${scheme.signature}=${createHmac('sha256', secret).update(`${time}${scheme.between}`).update(body).digest('hex')}`,
    );
    return [`${scheme.time}=${time}`, ...signatures].join(scheme.pairSeparator);
  };
}
