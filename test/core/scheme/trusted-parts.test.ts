// Built-in senders build their parts with the trusted constructors, which skip the option
// checks so that a verify-only bundle does not carry them (issue #12). That is sound only while
// every built-in part is exactly what the checked public constructor makes of the same options:
// this file rebuilds each one through the public constructor and compares.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries } from '../../../scripts/entries.mjs';
import type { HmacHash } from '../../../src/crypto/backend.js';
import { hmac, trustedHmac } from '../../../src/core/scheme/algorithms/hmac.js';
import { hex } from '../../../src/core/scheme/encodings/hex.js';
import { utf8Secret } from '../../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader, trustedSignatureHeader, type SignatureHeaderSource } from '../../../src/core/scheme/signatures/signature-header.js';
import { bodyField, trustedBodyField } from '../../../src/core/scheme/sources/body-field.js';
import { header, trustedHeader } from '../../../src/core/scheme/sources/header.js';
import { rfc3339, trustedRfc3339 } from '../../../src/core/scheme/timestamps/rfc3339.js';
import type { Sender } from '../../../src/core/scheme/compose-sender.js';
import { builtInSenders } from './built-in-senders.js';

/** A part's data: closures differ between two calls, everything else must not. */
function dataOf(part: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(part).filter(([, value]) => typeof value !== 'function'));
}

/** Each value source a sender reads, whatever its role. */
function sourcesOf(sender: Sender): object[] {
  return [...sender.signedParts, sender.timestamp?.source, sender.id, sender.eventType].filter(
    (source): source is NonNullable<typeof source> => source !== undefined,
  );
}

/** Every built-in part, rebuilt through its checked constructor: [what was built, what the check makes, where]. */
async function rebuiltParts(): Promise<{ kind: string; built: object; checked: object; where: string }[]> {
  const rows: { kind: string; built: object; checked: object; where: string }[] = [];
  for (const [sender, where] of await builtInSenders()) {
    const signature = sender.signature;
    if (signature.kind === 'header') {
      const { header: name, encoding, prefix, separator, skipOtherVersions, hexCase } = signature as SignatureHeaderSource;
      rows.push({ kind: 'signatureHeader', built: signature, checked: signatureHeader({ header: name, encoding, prefix, separator, skipOtherVersions, hexCase }), where });
    }
    for (const source of sourcesOf(sender)) {
      const { kind } = source as { kind: string };
      if (kind === 'header') rows.push({ kind: 'header', built: source, checked: header((source as { name: string }).name), where });
      // A signed field (Mailgun) binds to the signature source; a plain body field does not.
      if (kind === 'body-field' && !('bind' in source)) rows.push({ kind: 'bodyField', built: source, checked: bodyField((source as { path: string }).path), where });
    }
    const algorithm = sender.algorithm as { kind: string; hash?: HmacHash };
    if (algorithm.kind === 'hmac') rows.push({ kind: 'hmac', built: algorithm, checked: hmac(algorithm.hash!, sender.algorithm.key), where });
    if (sender.timestamp?.format === 'rfc3339') rows.push({ kind: 'rfc3339', built: sender.timestamp, checked: rfc3339(sender.timestamp.source), where });
  }
  return rows;
}

describe('built-in parts and the option checks they skip', () => {
  it('builds every built-in part as its checked constructor builds it from the same options', async () => {
    const rows = await rebuiltParts();
    for (const { kind, built, checked, where } of rows) expect(dataOf(built), `${where}: ${kind}`).toEqual(dataOf(checked));
    // Each trusted constructor is reached by some built-in, so none of the comparisons is empty.
    const kinds = new Set(rows.map((row) => row.kind));
    expect([...kinds].sort()).toEqual(['bodyField', 'header', 'hmac', 'rfc3339', 'signatureHeader']);
    expect(rows.length).toBeGreaterThan(60);
  });

  it('would notice a built-in part that its checked constructor would refuse or change', () => {
    expect(dataOf(trustedHeader('X-Signature'))).not.toEqual(dataOf(header('X-Signature')));
    expect(() => header('bad header')).toThrow(/must be an HTTP header name/);
    expect(() => signatureHeader({ header: 'x-sig', encoding: hex, prefix: 'v1,', separator: ',' })).toThrow(/cannot contain/);
    expect(trustedSignatureHeader({ header: 'x-sig', encoding: hex, prefix: 'v1,', separator: ',' }).kind).toBe('header');
    expect(() => bodyField('data..id')).toThrow(/dot path/);
    expect(trustedBodyField('data..id').keys).toEqual(['data', '', 'id']);
    expect(() => hmac('md5' as HmacHash, utf8Secret)).toThrow(/sha256/);
    expect(trustedHmac('sha256', utf8Secret).signatureLength).toBe(32);
    expect(() => rfc3339({} as never)).toThrow(/source of the time/);
    expect(trustedRfc3339(header('x-time')).format).toBe('rfc3339');
  });

  it('keeps the trusted constructors out of every entry', async () => {
    for (const source of Object.values(entries)) {
      const module = (await import(join(process.cwd(), source))) as Record<string, unknown>;
      for (const name of Object.keys(module)) expect(name, source).not.toMatch(/^trusted/);
    }
  });
});
