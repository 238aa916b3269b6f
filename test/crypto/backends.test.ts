import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeHex } from '../../src/core/encoding.js';
import { createVerifier, type VerifyOutcome } from '../../src/core/verifier.js';
import type { CryptoBackend } from '../../src/crypto/backend.js';
import { defaultCryptoBackend } from '../../src/crypto/default.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { webCryptoBackend } from '../../src/crypto/web.js';
import { signDelivery } from '../../src/testing/index.js';
import { describeBackendVectors, SENDERS } from './vector-suite.js';
import { DELIVERIES, RFC4231, SHA256 } from './vectors.js';

const node = nodeCryptoBackend()!;
const web = webCryptoBackend();

describe('vector table', () => {
  // Guards the constants: every vector is re-derived here with node:crypto alone.
  it('RFC 4231 and SHA-256 constants match node:crypto', () => {
    for (const { key, parts, mac } of RFC4231) {
      const hmac = createHmac('sha256', key);
      for (const part of parts) hmac.update(part);
      expect(hmac.digest('hex')).toBe(mac);
    }
    for (const { data, digest } of SHA256) expect(createHash('sha256').update(data).digest('hex')).toBe(digest);
  });

  it('delivery signatures match node:crypto and the documented algorithms', () => {
    for (const { sender, secret, body, headers } of DELIVERIES) {
      let expected: string;
      if (sender === 'peridio') {
        const mac = createHmac('sha256', Buffer.from(secret, 'hex')).update(headers['peridio-published-at']! + body);
        expected = mac.digest('hex').toUpperCase();
        expect(headers['peridio-signature']).toBe(expected);
      } else if (sender === 'edgesense') {
        expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex');
        expect(headers['x-edgesense-signature']).toBe(expected);
      } else {
        const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
        const content = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
        expected = `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
        expect(headers['webhook-signature']).toBe(expected);
      }
    }
  });
});

describe('default backend under Node', () => {
  it('is node:crypto', () => {
    expect(defaultCryptoBackend().name).toBe('node');
    expect(defaultCryptoBackend()).toBe(defaultCryptoBackend());
  });
  it('node:crypto answers synchronously and Web Crypto asynchronously', async () => {
    const key = RFC4231[0]!.key;
    const nodeKey = node.importHmacKey(key);
    expect(nodeKey).not.toBeInstanceOf(Promise);
    expect(node.hmacSha256(nodeKey, ['Hi There'])).toBeInstanceOf(Uint8Array);
    const webKey = web.importHmacKey(key);
    expect(webKey).toBeInstanceOf(Promise);
    expect(web.hmacSha256(await webKey, ['Hi There'])).toBeInstanceOf(Promise);
  });
});

describeBackendVectors('node backend', () => node);
describeBackendVectors('web backend', () => web);

describe('both backends give identical outcomes', () => {
  const outcomeOf = (outcome: VerifyOutcome): unknown =>
    outcome.ok ? { ...outcome.delivery, timestamp: outcome.delivery.timestamp?.getTime() } : { code: outcome.code, message: outcome.message };

  it.each(DELIVERIES)('for valid, tampered and hostile $sender deliveries', async (vector) => {
    const sender = SENDERS[vector.sender];
    const build = (backend: CryptoBackend) =>
      createVerifier(sender, {
        secrets: [{ secret: vector.secret, label: 'current' }, vector.sender === 'peridio' ? 'AB'.repeat(16) : 'whsec_AAAA'],
        backend,
        now: () => vector.nowMs,
      });
    const [onNode, onWeb] = [build(node), build(web)];
    const signatureHeader = sender.signature.header;
    const inputs = [
      { body: vector.body, headers: vector.headers },
      { body: new TextEncoder().encode(vector.body).buffer, headers: vector.headers },
      { body: `${vector.body} `, headers: vector.headers },
      { body: vector.body, headers: { ...vector.headers, [signatureHeader]: vector.headers[signatureHeader]!.toLowerCase() } },
      { body: vector.body, headers: { ...vector.headers, [signatureHeader]: 'nothex' } },
      { body: vector.body, headers: {} },
      { body: 'not json', headers: vector.headers },
      { body: { parsed: true } as never, headers: vector.headers },
    ];
    for (const input of inputs) {
      expect(outcomeOf(await onWeb.safeVerify(input))).toEqual(outcomeOf(await onNode.safeVerify(input)));
    }
  });

  it('sign the same bytes for every sender and secret', async () => {
    for (const vector of DELIVERIES) {
      const options = { secret: vector.secret, body: 'é ✓ 🚀', timestamp: 1_800_000_000_123, id: 'msg_1' };
      const a = await signDelivery(SENDERS[vector.sender], { ...options, backend: node });
      const b = await signDelivery(SENDERS[vector.sender], { ...options, backend: web });
      expect(b).toEqual(a);
    }
    expect(encodeHex(await web.sha256('é ✓ 🚀'))).toBe(encodeHex(node.sha256('é ✓ 🚀') as Uint8Array));
  });
});
