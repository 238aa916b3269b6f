import type { ReceiverResponse } from '../../core/pipeline/received-request.js';

/**
 * The part of Node's `ServerResponse` (Express's `res`, Next.js's `NextApiResponse`) used to answer.
 *
 * @example
 * ```ts
 * import type { NodeResponseLike } from 'hookverify/express';
 *
 * // Node's ServerResponse, Express's `res` and Next.js's NextApiResponse are all one.
 * const response: NodeResponseLike = res;
 * ```
 */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * True for answers sent before the body was all read (413 too large, 408 too slow): the rest
 * of the body is still on the connection, so it is closed rather than kept alive, or the next
 * request would wait behind it (and a trickling client would keep its socket).
 */
export function closesConnection(status: number): boolean {
  return status === 413 || status === 408;
}

/** Writes the pipeline's response, closing the connection after a 413 or a 408. */
export function sendNodeResponse(res: NodeResponseLike, response: ReceiverResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (closesConnection(response.status)) res.setHeader('connection', 'close');
  res.end(response.body);
}
