import { decodeBase64, decodeHex } from '../../core/encoding.js';
import type { Sender } from '../../core/sender.js';

const DIGEST_BYTES = 32;

/** What a signature header holds, entry by entry, in words. */
export interface SignatureHeaderReport {
  /** Entries in the sender's own format and version. */
  readonly signatures: number;
  /** Entries of another scheme version, skipped by the verifier (Standard Webhooks' `v1a,`). */
  readonly otherVersions: number;
  /** One sentence per unusable entry. */
  readonly problems: readonly string[];
}

function describeEntry(sender: Sender, entry: string, position: string): string | undefined {
  const spec = sender.signature;
  const text = spec.prefix ? entry.slice(spec.prefix.length) : entry;
  const bytes = spec.encoding === 'hex' ? decodeHex(text) : decodeBase64(text);
  if (!bytes) {
    return spec.encoding === 'hex'
      ? `${position} is not hex (${text.length} characters${/[^0-9a-fA-F]/.test(text) ? ', with non-hex characters' : ', an odd number'})`
      : `${position} is not padded standard base64 (${text.length} characters)`;
  }
  if (bytes.byteLength !== DIGEST_BYTES) {
    const expected = spec.encoding === 'hex' ? '64 hex characters' : '44 base64 characters';
    return `${position} decodes to ${bytes.byteLength} bytes, not the 32 of an HMAC-SHA256 (${expected}); is it a SHA-1 or a truncated value?`;
  }
  return undefined;
}

/** Splits a signature header as the sender writes it and checks each entry's shape (not its value). */
export function describeSignatureHeader(sender: Sender, value: string): SignatureHeaderReport {
  const spec = sender.signature;
  const entries = (spec.separator === undefined ? [value] : value.split(spec.separator)).map((entry) => entry.trim()).filter(Boolean);
  let signatures = 0;
  let otherVersions = 0;
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const position = entries.length === 1 ? 'the signature' : `signature ${index + 1} of ${entries.length}`;
    if (spec.prefix && !entry.startsWith(spec.prefix)) {
      if (spec.skipOtherVersions) {
        otherVersions++;
        return;
      }
      problems.push(`${position} does not start with "${spec.prefix}"`);
      return;
    }
    const problem = describeEntry(sender, entry, position);
    if (problem) problems.push(problem);
    else signatures++;
  });
  if (entries.length === 0) problems.push('the header is empty');
  if (spec.separator === undefined && /[ ,]/.test(value.trim())) {
    problems.push(`${sender.name} sends exactly one signature; this header looks like a list`);
  }
  return { signatures, otherVersions, problems };
}
