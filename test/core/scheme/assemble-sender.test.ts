// Built-in senders are assembled without the composer's rule checker, so that a verify-only
// bundle does not carry it (issue #12). That is sound only while every built-in would pass the
// rules: this file runs each one through composeSender and fails if one would be refused, or if
// the checked and the unchecked paths disagree about it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entries } from '../../../scripts/entries.mjs';
import { hmac } from '../../../src/core/scheme/algorithms/hmac.js';
import { assembleSender } from '../../../src/core/scheme/assemble-sender.js';
import { composeSender, type Sender, type SenderParts } from '../../../src/core/scheme/compose-sender.js';
import { hex } from '../../../src/core/scheme/encodings/hex.js';
import { utf8Secret } from '../../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../src/core/scheme/sources/body.js';
import { header } from '../../../src/core/scheme/sources/header.js';
import { unixSeconds } from '../../../src/core/scheme/timestamps/unix-seconds.js';
import { builtInSenders } from './built-in-senders.js';

/** The parts a composed sender was made of, its accepted-unsigned sources wrapped again. */
function partsOf(sender: Sender): SenderParts {
  return {
    name: sender.name,
    signatures: sender.signature,
    signed: sender.signedParts,
    algorithm: sender.algorithm,
    timestamp: sender.timestamp,
    id: sender.unsignedIdAllowsReplay ? { source: sender.id as never, unsignedAllowsReplay: true } : sender.id,
    eventType: sender.unsignedEventTypeAllowsRelabeling ? { source: sender.eventType!, unsignedAllowsRelabeling: true } : sender.eventType,
    body: sender.body,
    retryHorizon: sender.retryHorizon,
    tolerance: sender.tolerance,
  };
}

/** Each call of the unchecked path under src/, as the path of its file. */
function callsOfAssemble(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return callsOfAssemble(path);
    const calls = readFileSync(path, 'utf8').match(/assembleSender\(/g) ?? [];
    return calls.map(() => path);
  });
}

describe('built-in senders and the rule checker', () => {
  it('finds the sender of every definition in src/senders', async () => {
    const senders = await builtInSenders();
    const definitions = callsOfAssemble().filter((path) => path.startsWith('src/senders/')).length;
    // One sender per definition, plus the EdgeSense factory called with an option.
    expect(definitions).toBeGreaterThanOrEqual(31);
    expect(senders.size).toBe(definitions + 1);
  });

  it('composes every built-in sender, through every rule, to exactly what the entry exports', async () => {
    for (const [sender, where] of await builtInSenders()) {
      expect(() => composeSender(partsOf(sender)), where).not.toThrow();
      expect(composeSender(partsOf(sender)), where).toEqual(sender);
    }
  });

  it('would notice a built-in that breaks a rule', () => {
    // An unsigned timestamp: the unchecked path assembles it, the checker refuses it.
    const parts: SenderParts = {
      name: 'broken',
      signatures: signatureHeader({ header: 'x-sig', encoding: hex }),
      signed: [body],
      algorithm: hmac('sha256', utf8Secret),
      timestamp: unixSeconds(header('x-time')),
    };
    const assembled = assembleSender(parts);
    expect(assembled.replayProtection).toBe('timestamp');
    expect(() => composeSender(partsOf(assembled))).toThrow(/x-time header is not in the signed content/);
  });

  it('is reached only by the built-in definitions and the composer', () => {
    const callers = callsOfAssemble().filter((path) => !path.startsWith('src/senders/'));
    expect(callers).toEqual([join('src', 'core', 'scheme', 'compose-sender.ts')]);
  });

  it('is not exported by any entry', async () => {
    for (const source of Object.values(entries)) {
      const module = (await import(join(process.cwd(), source))) as Record<string, unknown>;
      expect(Object.keys(module), source).not.toContain('assembleSender');
    }
  });
});
