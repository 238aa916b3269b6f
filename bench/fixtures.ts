// Deliveries shared by every benchmark: one JSON body per size, signed for each scheme the
// benchmark covers. Bodies are Buffers, as a Node server receives them. Signing times are taken
// when a fixture is built, so each group builds its own and never runs outside the replay window.
import { createHmac, randomUUID } from 'node:crypto';
import { Buffer } from 'node:buffer';

export const SIZES = [1024, 16 * 1024, 256 * 1024] as const;
export type Size = (typeof SIZES)[number];

export function sizeLabel(size: number): string {
  return size >= 1024 ? `${size / 1024} KB` : `${size} B`;
}

const ORG = '5b7a5c3e-6b2e-4d8a-9c1f-2f8e6a4b1c3d';

/**
 * A Peridio `device.checked_for_release` event padded to exactly `size` bytes by an extra field
 * (vendors add fields; receivers keep them), so that every row hashes and parses the same bytes.
 */
export function peridioEventBody(size: number): Buffer {
  const event = {
    version: 1,
    prn: `prn:1:${ORG}:event:${randomUUID()}`,
    type: 'device',
    inserted_at: new Date().toISOString(),
    data: {
      type: 'checked_for_release',
      data: {
        device: {
          prn: `prn:1:${ORG}:device:${randomUUID()}`,
          identifier: 'edge-gateway-0042',
          cohort: { cohort_prn: `prn:1:${ORG}:cohort:${randomUUID()}`, cohort_name: 'production' },
        },
        release: { prn: `prn:1:${ORG}:release:${randomUUID()}`, version: '2.4.1' },
        bundle: { prn: `prn:1:${ORG}:bundle:${randomUUID()}`, name: 'gateway-2.4.1' },
        notes: '',
      },
    },
  };
  const bare = JSON.stringify(event).length;
  if (bare > size) throw new Error(`a body of ${size} bytes is too small for the event`);
  // Word-like padding rather than one repeated letter, so nothing is unusually compressible.
  const words = 'sensor reading nominal firmware heartbeat uplink ';
  event.data.data.notes = words.repeat(Math.ceil((size - bare) / words.length)).slice(0, size - bare);
  const body = Buffer.from(JSON.stringify(event));
  if (body.length !== size) throw new Error(`body is ${body.length} bytes, expected ${size}`);
  return body;
}

/** Peridio issues 32 upper-case hex characters; the HMAC key is their 16 decoded bytes. */
export const PERIDIO_SECRETS = ['B284A51B143841695B2D7BF3B8554731', '6A0E3F9C21D84B7EA5C3901F7D2E4B68'] as const;
/** Standard Webhooks secrets: `whsec_` + base64 of the key bytes. */
export const SW_SECRETS = ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'] as const;
/** GitHub and Stripe use the secret text itself as the key. */
export const GITHUB_SECRET = 'It\'s a Secret to Everybody';
export const STRIPE_SECRET = 'whsec_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

export type Headers = Record<string, string>;

export interface Delivery {
  readonly body: Buffer;
  readonly headers: Headers;
}

function hmac(key: Uint8Array | string, ...parts: (string | Buffer)[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

function rfc3339Seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * `count` signed 1 KB Peridio deliveries of one event, each with its own event PRN, as a fleet
 * sends them: a receiver that deduplicates sees each as new.
 */
export function freshPeridioDeliveries(count: number): Delivery[] {
  const template = peridioEventBody(1024).toString('utf8');
  const id = /event:([0-9a-f-]{36})/.exec(template)![1]!;
  return Array.from({ length: count }, () => peridioDelivery(Buffer.from(template.replace(id, randomUUID()))));
}

/** A Peridio delivery signed with the given secrets (one signature each, comma-separated). */
export function peridioDelivery(body: Buffer, secrets: readonly string[] = [PERIDIO_SECRETS[0]]): Delivery {
  const publishedAt = rfc3339Seconds(Date.now());
  const signature = secrets
    .map((secret) => hmac(Buffer.from(secret, 'hex'), publishedAt, body).toString('hex').toUpperCase())
    .join(',');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'peridio-published-at': publishedAt,
      'peridio-signature': signature,
    },
  };
}

export function swKey(secret: string): Buffer {
  return Buffer.from(secret.slice('whsec_'.length), 'base64');
}

/** A Standard Webhooks delivery. */
export function swDelivery(body: Buffer, secrets: readonly string[] = [SW_SECRETS[0]]): Delivery {
  const id = `msg_${randomUUID().replaceAll('-', '')}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = secrets.map((secret) => `v1,${hmac(swKey(secret), `${id}.${timestamp}.`, body).toString('base64')}`).join(' ');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature,
    },
  };
}

/** A GitHub delivery: `x-hub-signature-256: sha256=<hex>` over the body. */
export function githubDelivery(body: Buffer): Delivery {
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-delivery': randomUUID(),
      'x-github-event': 'issues',
      'x-hub-signature-256': `sha256=${hmac(GITHUB_SECRET, body).toString('hex')}`,
    },
  };
}

/** A Stripe delivery: `stripe-signature: t=<unix>,v1=<hex>` over `<t>.<body>`. */
export function stripeDelivery(body: Buffer): Delivery {
  const t = String(Math.floor(Date.now() / 1000));
  const v1 = hmac(STRIPE_SECRET, `${t}.`, body).toString('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'stripe-signature': `t=${t},v1=${v1}`,
    },
  };
}

/** The same delivery with one byte of the body changed: every verifier must refuse it. */
export function tampered(delivery: Delivery): Delivery {
  const body = Buffer.from(delivery.body);
  const at = body.length >> 1;
  body[at] = body[at] === 0x61 ? 0x62 : 0x61;
  return { body, headers: delivery.headers };
}
