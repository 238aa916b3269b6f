// Strings are hashed and measured as the UTF-8 bytes they travel as: the size limit counts
// UTF-8 bytes exactly at every code-point boundary, and signed-content parts are never joined
// into a surrogate pair they did not form on the wire.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exceedsLimit } from '../../src/core/body.js';
import { defineSender } from '../../src/core/sender.js';
import { createVerifier } from '../../src/core/verifier.js';
import { nodeCryptoBackend } from '../../src/crypto/node.js';
import { webCryptoBackend } from '../../src/crypto/web.js';

// Each side of every boundary of UTF-8's length classes, and every surrogate situation.
const PIECES = [
  '\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff',
  '\ud800\udc00', '\udbff\udfff', // pairs: 4 bytes
  '\ud800', '\udbff', '\udc00', '\udfff', // lone surrogates: 3 bytes (U+FFFD)
  '\ud800a', '\ud800\ud800\udc00', 'a\udc00\ud800',
];
const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe('exceedsLimit counts UTF-8 bytes exactly', () => {
  it.each(PIECES.map((piece) => [JSON.stringify(piece), piece]))('%s, alone and repeated, at the limit and one byte either side', (_label, piece) => {
    for (const text of [piece, piece.repeat(7), `x${piece}`, `${piece}x`]) {
      const size = utf8Bytes(text);
      expect(exceedsLimit(text, size), `${JSON.stringify(text)} at ${size}`).toBe(false);
      expect(exceedsLimit(text, size - 1), `${JSON.stringify(text)} at ${size - 1}`).toBe(true);
      expect(exceedsLimit(text, size + 1)).toBe(false);
      expect(exceedsLimit(new TextEncoder().encode(text), size - 1)).toBe(true);
      expect(exceedsLimit(new TextEncoder().encode(text), size)).toBe(false);
    }
  });
});

describe('signed content made of several text parts', () => {
  const sender = defineSender({
    name: 'surrogates',
    signature: { header: 'x-signature', encoding: 'hex' },
    signedContent: '{x-a}{x-b}.{body}',
    secretEncoding: 'utf8',
  });
  // What a sender hashes: each part as its own UTF-8 bytes, lone surrogates as U+FFFD.
  const sign = (...parts: string[]) => {
    const mac = createHmac('sha256', 'secret');
    for (const part of parts) mac.update(Buffer.from(part, 'utf8'));
    return mac.digest('hex');
  };

  it.each([
    ['a high surrogate ending one header and a low one starting the next', 'id\ud83d', '\ude00x'],
    ['a high surrogate ending a header before a literal', 'id\ud83d', 'plain'],
    ['a pair inside one header', 'id\ud83d\ude00', 'x'],
    ['a low surrogate starting a header after a plain one', 'x', '\ude00y'],
    ['a lone low surrogate ending a header', 'x\ude00', 'y'],
  ])('are hashed part by part: %s', async (_label, a, b) => {
    for (const backend of [nodeCryptoBackend()!, webCryptoBackend()]) {
      const verifier = createVerifier(sender, { secret: 'secret', backend });
      const body = '{"ok":true}';
      const headers = { 'x-a': a, 'x-b': b, 'x-signature': sign(a, b, '.', body) };
      expect(await verifier.safeVerify({ body, headers })).toMatchObject({ ok: true });
      // The same characters joined differently are other bytes: refused.
      const joined = { ...headers, 'x-signature': sign(a + b + '.' + body) };
      const outcome = await verifier.safeVerify({ body, headers: joined });
      const sameBytes = Buffer.from(a + b + '.' + body).equals(Buffer.concat([a, b, '.', body].map((part) => Buffer.from(part))));
      expect(outcome.ok).toBe(sameBytes);
    }
  });
});
