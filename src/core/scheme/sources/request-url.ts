import { ConfigurationError } from '../../errors.js';
import type { RequestSource } from '../types.js';

/**
 * The URL the delivery was sent to, for senders that sign it (Square signs its notification URL
 * followed by the body). Adapters pass the request's URL; behind a proxy that rewrites the host or
 * scheme, pin the public URL with the verifier's `url` option.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, requestUrl, body, hmac, utf8Secret, base64, bodyField } from 'hookverify';
 *
 * const square = composeSender({
 *   name: 'square',
 *   signatures: signatureHeader({ header: 'x-square-hmacsha256-signature', encoding: base64 }),
 *   signed: [requestUrl, body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   id: bodyField('event_id'),
 * });
 * ```
 */
export const requestUrl: RequestSource = /* @__PURE__ */ Object.freeze<RequestSource>({
  kind: 'url',
  key: 'url',
  label: 'the request URL',
  bind(binder) {
    const slot = binder.slot();
    binder.step((state) => {
      if (typeof state.url !== 'string' || state.url === '') {
        // A set-up mistake, not a bad delivery: every request would fail the same way.
        throw new ConfigurationError('invalid_option', 'this sender signs the request URL: pass `url` with each delivery, or set the verifier\'s `url` option');
      }
      state.values[slot] = state.url;
      return undefined;
    });
    return slot;
  },
});
