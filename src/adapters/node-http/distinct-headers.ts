import type { HeadersInput } from '../../core/headers.js';

/**
 * The header views of Node's `IncomingMessage` (Express's `req`, Next.js's `NextApiRequest`,
 * Fastify's `request.raw`).
 *
 * @example
 * ```ts
 * import type { NodeHeadersLike } from 'hookverify/express';
 *
 * // Node's IncomingMessage is one.
 * const request: NodeHeadersLike = req;
 * ```
 */
export interface NodeHeadersLike {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly headersDistinct?: Readonly<Record<string, string[] | undefined>>;
}

/**
 * The headers with every line kept. Node's `headers` joins a repeated header into one value
 * with ", " (and keeps only the first line of some, e.g. `content-type`), so a header sent twice
 * would reach the verifier as one value; `headersDistinct` (Node >= 18.3) keeps the lines apart,
 * and the verifier refuses the repeat.
 */
export function distinctHeaders(request: NodeHeadersLike): HeadersInput {
  return request.headersDistinct ?? request.headers;
}
