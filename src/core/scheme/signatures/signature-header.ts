import { check, headerName } from '../check.js';
import type { Binder, CandidateDecoder, RequestState, SignatureEncoding, SignatureSourceBase, VerificationFailure } from '../types.js';
import { MAX_ENTRIES } from './entry-limit.js';

/**
 * Options of {@link signatureHeader}.
 *
 * @example
 * ```ts
 * import { signatureHeader, base64, type SignatureHeaderOptions } from 'hookverify';
 *
 * // Standard Webhooks: several base64 entries behind "v1,", space-separated.
 * const options: SignatureHeaderOptions = { header: 'webhook-signature', encoding: base64, prefix: 'v1,', separator: ' ', skipOtherVersions: true };
 * const signatures = signatureHeader(options);
 * ```
 */
export interface SignatureHeaderOptions {
  /** Header name, matched case-insensitively. */
  readonly header: string;
  /** How each signature is written ({@link hex} is accepted in either case). */
  readonly encoding: SignatureEncoding;
  /** Text before each signature: `"sha256="` (GitHub), `"v1,"` (Standard Webhooks). */
  readonly prefix?: string;
  /**
   * Text between signatures when the header may carry several (secret rolling): `","` for
   * Peridio, `" "` for Standard Webhooks. Omit when the sender sends exactly one.
   */
  readonly separator?: string;
  /**
   * When true, entries without `prefix` are another scheme version and are skipped (Standard
   * Webhooks' `v1a,` entries next to `v1,` ones); when false they make the header malformed.
   */
  readonly skipOtherVersions?: boolean;
  /** How the sender writes hex signatures; read only by the test signer. Default `"lower"`. */
  readonly hexCase?: 'lower' | 'upper';
}

/**
 * A signature source that reads a whole header.
 *
 * @example
 * ```ts
 * import { peridio } from 'hookverify/peridio';
 *
 * if (peridio.signature.kind === 'header') console.log(peridio.signature.header); // "peridio-signature"
 * ```
 */
export interface SignatureHeaderSource extends SignatureSourceBase {
  readonly kind: 'header';
  readonly header: string;
  readonly prefix: string | undefined;
  readonly separator: string | undefined;
  readonly skipOtherVersions: boolean;
  readonly hexCase: 'lower' | 'upper';
}

/**
 * Signatures in one header, each behind an optional prefix and separated by an optional
 * separator: the shape of Peridio, GitHub, Shopify, Slack and Standard Webhooks.
 *
 * @example
 * ```ts
 * import { signatureHeader, hex } from 'hookverify';
 *
 * // Peridio: one or, while a secret is rolled, two comma-separated hex signatures.
 * const peridioSignatures = signatureHeader({ header: 'peridio-signature', encoding: hex, separator: ',', hexCase: 'upper' });
 * ```
 */
export function signatureHeader(options: SignatureHeaderOptions): SignatureHeaderSource {
  check(options !== null && typeof options === 'object', 'signatureHeader needs { header, encoding }');
  const name = headerName(options.header, 'signature.header');
  const { encoding, prefix, separator } = options;
  check(typeof encoding?.decodeInto === 'function', 'signature.encoding must be hex or base64');
  check(prefix === undefined || typeof prefix === 'string', 'signature.prefix must be a string');
  check(separator === undefined || (typeof separator === 'string' && separator !== ''), 'signature.separator must be a non-empty string');
  // Splitting on the separator would cut every entry through its prefix.
  check(separator === undefined || !prefix?.includes(separator), 'signature.prefix cannot contain signature.separator');
  return trustedSignatureHeader({ header: name, encoding, prefix, separator, skipOtherVersions: options.skipOtherVersions, hexCase: options.hexCase });
}

/**
 * {@link signatureHeader} without its option checks, for built-in senders only (not exported
 * from any entry): their options are fixed, lower-case and checked by
 * test/core/scheme/trusted-parts.test.ts, so a verify-only bundle need not carry the checks.
 */
export function trustedSignatureHeader(options: SignatureHeaderOptions): SignatureHeaderSource {
  const { header: name, encoding, prefix, separator } = options;
  const skipOtherVersions = options.skipOtherVersions === true;
  const label = `the ${name} header`;
  const lead = prefix ?? '';

  function bind(binder: Binder, decode: CandidateDecoder, limit: number): (state: RequestState) => Uint8Array[] | VerificationFailure {
    const malformed = binder.fail('malformed_header', `${label} is not in ${binder.sender}'s format`);
    const slot = binder.header(name, binder.fail('missing_header', `${label} is missing; is this a ${binder.sender} delivery?`), malformed);
    const none = binder.fail(
      'malformed_header',
      `${label} has no signature in ${binder.sender}'s format` + (lead ? ` (entries start with "${lead}")` : ''),
    );
    const tooMany = binder.fail('malformed_header', `${label} carries more than ${Math.min(limit, MAX_ENTRIES)} signatures`);
    return function signaturesInHeader(state) {
      const value = state.values[slot]!;
      // One signature (the usual case) needs no split.
      const entries = separator === undefined || !value.includes(separator) ? [value] : value.split(separator);
      if (entries.length > MAX_ENTRIES) return tooMany;
      const candidates: Uint8Array[] = [];
      for (let i = 0; i < entries.length; i++) {
        let entry = entries[i]!.trim();
        if (entry.length === 0) continue;
        if (lead.length > 0) {
          if (!entry.startsWith(lead)) {
            if (skipOtherVersions) continue;
            return none;
          }
          entry = entry.slice(lead.length);
        }
        if (candidates.length === limit) return tooMany;
        // An entry that does not decode to a signature (another length or alphabet, non-zero pad
        // bits) can never match: it is skipped, as the reference libraries skip it, never compared
        // in part. The entry count above bounds the work; a header with no usable entry is refused.
        const bytes = decode(entry, candidates.length);
        if (bytes !== undefined) candidates.push(bytes);
      }
      return candidates.length === 0 ? none : candidates;
    };
  }

  return Object.freeze({
    kind: 'header',
    key: `header:${name}`,
    label,
    header: name,
    encoding,
    prefix,
    separator,
    skipOtherVersions,
    hexCase: options.hexCase === 'upper' ? 'upper' : 'lower',
    readsBody: false,
    bind,
  });
}
