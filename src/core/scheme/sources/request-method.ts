import type { RequestSource } from '../types.js';

/**
 * The request method, upper-case, for senders that sign it. Deliveries without one are taken to
 * be `POST`, as every webhook is.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, requestMethod, requestUrl, body, hmac, utf8Secret, hex } from 'hookverify';
 *
 * const vendor = composeSender({
 *   name: 'vendor',
 *   signatures: signatureHeader({ header: 'x-signature', encoding: hex }),
 *   signed: [requestMethod, ' ', requestUrl, '\n', body],
 *   algorithm: hmac('sha256', utf8Secret),
 * });
 * ```
 */
export const requestMethod: RequestSource = /* @__PURE__ */ Object.freeze<RequestSource>({
  kind: 'method',
  key: 'method',
  label: 'the request method',
  bind(binder) {
    const slot = binder.slot();
    binder.step((state) => {
      state.values[slot] = typeof state.method === 'string' && state.method !== '' ? state.method.toUpperCase() : 'POST';
      return undefined;
    });
    return slot;
  },
});
