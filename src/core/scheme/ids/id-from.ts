import type { ComputedId, IdContext } from '../types.js';

/**
 * A dedupe id computed by a function of the verified payload (and the request headers, of which
 * only the signed ones are authentic). An empty or non-string answer means no id.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, body, hmac, utf8Secret, idFrom, hex } from 'hookverify';
 *
 * const vendor = composeSender({
 *   name: 'vendor',
 *   signatures: signatureHeader({ header: 'x-signature', encoding: hex }),
 *   signed: [body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   id: idFrom(({ payload }) => (payload as { event?: { id?: string } }).event?.id),
 * });
 * ```
 */
export function idFrom(compute: (context: IdContext) => string | undefined): ComputedId {
  return Object.freeze<ComputedId>({
    kind: 'function',
    label: 'the id function',
    compute(context) {
      const id = compute(context);
      return typeof id === 'string' && id.length > 0 ? id : undefined;
    },
  });
}
