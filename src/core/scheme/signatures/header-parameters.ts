import { ConfigurationError } from '../../errors.js';
import { headerName } from '../check.js';
import type { Binder, CandidateDecoder, ParameterSource, RequestState, SignatureEncoding, SignatureSourceBase, VerificationFailure } from '../types.js';
import { MAX_ENTRIES } from './entry-limit.js';

/**
 * Options of {@link headerParameters}.
 *
 * @example
 * ```ts
 * import { headerParameters, hex, type HeaderParametersOptions } from 'hookverify';
 *
 * // Paddle: `Paddle-Signature: ts=1671552777;h1=<hex>`
 * const options: HeaderParametersOptions = { header: 'paddle-signature', signature: 'h1', encoding: hex, pairSeparator: ';' };
 * const paddleSignature = headerParameters(options);
 * ```
 */
export interface HeaderParametersOptions {
  readonly header: string;
  /** The name of the parameters that carry signatures: Stripe's `v1`, Paddle's `h1`. */
  readonly signature: string;
  readonly encoding: SignatureEncoding;
  /** Between parameters. Default `","`. */
  readonly pairSeparator?: string;
  /** Between a parameter's name and its value; the first one counts. Default `"="`. */
  readonly kvSeparator?: string;
}

/**
 * A signature source that reads parameters of one header; its other parameters are sources of
 * their own ({@link HeaderParametersSource.parameter}).
 *
 * @example
 * ```ts
 * import { stripe } from 'hookverify/stripe';
 *
 * if (stripe.signature.kind === 'header-parameters') console.log(stripe.signature.signatureParameter); // "v1"
 * ```
 */
export interface HeaderParametersSource extends SignatureSourceBase {
  readonly kind: 'header-parameters';
  readonly header: string;
  readonly signatureParameter: string;
  readonly pairSeparator: string;
  readonly kvSeparator: string;
  /** Another parameter of the header, such as Stripe's timestamp `t`, as a source to sign or read. */
  parameter(name: string): ParameterSource;
}

// Stripe sends t, one or two v1 and perhaps a v0: a longer list only costs work.
const MAX_PARAMETERS = 2 * MAX_ENTRIES;

interface Requested {
  readonly names: string[];
  readonly slots: number[];
}

/**
 * Signatures and other values as parameters of one structured header:
 * `Stripe-Signature: t=1492774577,v1=5257a8…,v1=…` or `Paddle-Signature: ts=…;h1=…`. Every
 * parameter named `signature` is a signature; any other parameter the sender reads (with
 * {@link HeaderParametersSource.parameter}) must appear exactly once, and parameters nobody reads
 * (Stripe's `v0`) are ignored.
 *
 * @example
 * ```ts
 * import { composeSender, headerParameters, body, hmac, utf8Secret, unixSeconds, hex, bodyField } from 'hookverify';
 *
 * const signature = headerParameters({ header: 'stripe-signature', signature: 'v1', encoding: hex });
 * const stripeLike = composeSender({
 *   name: 'stripe-like',
 *   signatures: signature,
 *   signed: [signature.parameter('t'), '.', body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   timestamp: unixSeconds(signature.parameter('t')),
 *   id: bodyField('id'),
 * });
 * ```
 */
export function headerParameters(options: HeaderParametersOptions): HeaderParametersSource {
  if (options === null || typeof options !== 'object') {
    throw new ConfigurationError('invalid_option', 'headerParameters needs { header, signature, encoding }');
  }
  const name = headerName(options.header, 'headerParameters.header');
  const { encoding, signature } = options;
  const pairSeparator = options.pairSeparator ?? ',';
  const kvSeparator = options.kvSeparator ?? '=';
  if (typeof encoding?.decodeInto !== 'function') {
    throw new ConfigurationError('invalid_option', 'headerParameters.encoding must be hex or base64');
  }
  for (const [option, text] of [['signature', signature], ['pairSeparator', pairSeparator], ['kvSeparator', kvSeparator]] as const) {
    if (typeof text !== 'string' || text === '') throw new ConfigurationError('invalid_option', `headerParameters.${option} must be a non-empty string`);
  }
  if (pairSeparator === kvSeparator || signature.includes(pairSeparator) || signature.includes(kvSeparator)) {
    throw new ConfigurationError('invalid_option', 'headerParameters: the separators must differ and not appear in the parameter name');
  }
  const label = `the ${name} header`;
  const requested = (binder: Binder): Requested => binder.once(part, () => ({ names: [], slots: [] }));

  function bind(binder: Binder, decode: CandidateDecoder, limit: number): (state: RequestState) => Uint8Array[] | VerificationFailure {
    const malformed = binder.fail('malformed_header', `${label} is not in ${binder.sender}'s format`);
    const slot = binder.header(name, binder.fail('missing_header', `${label} is missing; is this a ${binder.sender} delivery?`), malformed);
    const none = binder.fail('malformed_header', `${label} has no "${signature}" signature`);
    const tooMany = binder.fail('malformed_header', `${label} carries more than ${Math.min(limit, MAX_ENTRIES)} signatures or ${MAX_PARAMETERS} parameters`);
    const { names, slots } = requested(binder);
    const absent: VerificationFailure[] = [];
    const twice: VerificationFailure[] = [];
    return function signaturesInParameters(state) {
      const text = state.values[slot]!;
      const candidates: Uint8Array[] = [];
      // Scanned in place rather than split: no array of pairs per request, only the key and
      // value of each pair are cut out.
      let count = 0;
      for (let start = 0; start <= text.length; ) {
        const found = text.indexOf(pairSeparator, start);
        const end = found === -1 ? text.length : found;
        if (++count > MAX_PARAMETERS) return tooMany;
        const at = text.indexOf(kvSeparator, start);
        if (at !== -1 && at < end) {
          const key = text.slice(start, at).trim();
          const value = text.slice(at + kvSeparator.length, end).trim();
          if (key === signature) {
            if (candidates.length === limit) return tooMany;
            // Undecodable entries are skipped, as for a signature header; none usable is refused.
            const bytes = decode(value, candidates.length);
            if (bytes !== undefined) candidates.push(bytes);
          } else {
            const wanted = names.indexOf(key);
            if (wanted !== -1) {
              // Two values for one parameter: which one the sender signed cannot be known.
              if (state.values[slots[wanted]!] !== undefined) return (twice[wanted] ??= binder.fail('malformed_header', `${label} has the "${key}" parameter more than once`));
              state.values[slots[wanted]!] = value;
            }
          }
        }
        start = end + pairSeparator.length;
      }
      for (let i = 0; i < names.length; i++) {
        if (state.values[slots[i]!] === undefined || state.values[slots[i]!] === '') {
          return (absent[i] ??= binder.fail('malformed_header', `${label} has no "${names[i]}" parameter`));
        }
      }
      return candidates.length === 0 ? none : candidates;
    };
  }

  const part: HeaderParametersSource = Object.freeze({
    kind: 'header-parameters',
    key: `parameter:${name}:${signature}`,
    label,
    header: name,
    signatureParameter: signature,
    pairSeparator,
    kvSeparator,
    encoding,
    readsBody: false,
    bind,
    parameter(parameter: string): ParameterSource {
      if (typeof parameter !== 'string' || parameter === '' || parameter === signature || parameter.includes(pairSeparator) || parameter.includes(kvSeparator)) {
        throw new ConfigurationError('invalid_option', `${label} has no parameter ${JSON.stringify(parameter)} to read`);
      }
      return Object.freeze({
        kind: 'parameter',
        key: `parameter:${name}:${parameter}`,
        label: `the "${parameter}" parameter of ${label}`,
        header: name,
        name: parameter,
        of: part,
        bind(binder: Binder) {
          const { names, slots } = requested(binder);
          const at = names.indexOf(parameter);
          if (at !== -1) return slots[at]!;
          names.push(parameter);
          return slots[slots.push(binder.slot()) - 1]!;
        },
      });
    },
  });
  return part;
}
