import { headerName } from '../check.js';
import type { HeaderSource } from '../types.js';

/**
 * A header's value, exactly as received (trimmed); matched case-insensitively. A header that
 * is absent, empty or unusable refuses the delivery.
 *
 * @example
 * ```ts
 * import { composeSender, signatureHeader, header, body, hmac, utf8Secret, unixSeconds, hex } from 'hookverify';
 *
 * const slack = composeSender({
 *   name: 'slack',
 *   signatures: signatureHeader({ header: 'x-slack-signature', prefix: 'v0=', encoding: hex }),
 *   signed: ['v0:', header('x-slack-request-timestamp'), ':', body],
 *   algorithm: hmac('sha256', utf8Secret),
 *   timestamp: unixSeconds(header('x-slack-request-timestamp')),
 * });
 * ```
 */
export function header(name: string): HeaderSource {
  return trustedHeader(headerName(name, `header("${String(name)}")`));
}

/**
 * {@link header} without its name check, for built-in senders only (not exported from any
 * entry): their names are fixed and lower-case, as test/core/scheme/trusted-parts.test.ts checks.
 */
export function trustedHeader(lower: string): HeaderSource {
  return Object.freeze<HeaderSource>({
    kind: 'header',
    key: `header:${lower}`,
    label: `the ${lower} header`,
    name: lower,
    bind: (binder) => binder.header(lower),
  });
}
