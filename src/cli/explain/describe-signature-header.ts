import { decodeBase64, decodeHex } from '../../core/encoding.js';
import type { Sender } from '../../core/sender.js';

/** What a signature header holds, entry by entry, in words. */
export interface SignatureHeaderReport {
  /** Entries in the sender's own format and version. */
  readonly signatures: number;
  /** Entries of another scheme version, skipped by the verifier (Standard Webhooks' `v1a,`). */
  readonly otherVersions: number;
  /** One sentence per unusable entry. */
  readonly problems: readonly string[];
}

function describeEntry(sender: Sender, text: string, position: string): string | undefined {
  const hex = sender.signature.encoding.name === 'hex';
  const bytes = hex ? decodeHex(text) : decodeBase64(text);
  if (!bytes) {
    return hex
      ? `${position} is not hex (${text.length} characters${/[^0-9a-fA-F]/.test(text) ? ', with non-hex characters' : ', an odd number'})`
      : `${position} is not padded standard base64 (${text.length} characters)`;
  }
  const length = sender.algorithm.signatureLength;
  if (length !== undefined && bytes.byteLength !== length) {
    const expected = hex ? `${length * 2} hex characters` : `${Math.ceil(length / 3) * 4} base64 characters`;
    return `${position} decodes to ${bytes.byteLength} bytes, not the ${length} of an ${sender.algorithm.label} (${expected}); is it a SHA-1 or a truncated value?`;
  }
  return undefined;
}

/** The entries of a signature header as the sender writes it: each with its prefix, or the values of its signature parameter. */
function entriesOf(sender: Sender, value: string): { entries: string[]; prefix: string } {
  const spec = sender.signature;
  if (spec.kind === 'header-parameters') {
    const entries = value
      .split(spec.pairSeparator)
      .map((pair) => pair.trim())
      .filter((pair) => pair.startsWith(`${spec.signatureParameter}${spec.kvSeparator}`));
    return { entries, prefix: `${spec.signatureParameter}${spec.kvSeparator}` };
  }
  const separator = spec.kind === 'header' ? spec.separator : undefined;
  const entries = (separator === undefined ? [value] : value.split(separator)).map((entry) => entry.trim()).filter(Boolean);
  return { entries, prefix: spec.kind === 'header' ? (spec.prefix ?? '') : '' };
}

/** Splits a signature header as the sender writes it and checks each entry's shape (not its value). */
export function describeSignatureHeader(sender: Sender, value: string): SignatureHeaderReport {
  const spec = sender.signature;
  const { entries, prefix } = entriesOf(sender, value);
  const skipOtherVersions = spec.kind === 'header' && spec.skipOtherVersions;
  let signatures = 0;
  let otherVersions = 0;
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const position = entries.length === 1 ? 'the signature' : `signature ${index + 1} of ${entries.length}`;
    if (prefix && !entry.startsWith(prefix)) {
      if (skipOtherVersions) {
        otherVersions++;
        return;
      }
      problems.push(`${position} does not start with "${prefix}"`);
      return;
    }
    const problem = describeEntry(sender, entry.slice(prefix.length), position);
    if (problem) problems.push(problem);
    else signatures++;
  });
  if (entries.length === 0) problems.push(spec.kind === 'header-parameters' ? `the header has no "${spec.signatureParameter}" parameter` : 'the header is empty');
  if (spec.kind === 'header' && spec.separator === undefined && /[ ,]/.test(value.trim())) {
    problems.push(`${sender.name} sends exactly one signature; this header looks like a list`);
  }
  return { signatures, otherVersions, problems };
}
