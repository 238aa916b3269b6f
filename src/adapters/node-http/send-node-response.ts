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
 * Writes the pipeline's response. After a 413 the connection is closed: the rest of the
 * oversized body is still on it, and keeping it alive would make the next request wait behind it.
 */
export function sendNodeResponse(res: NodeResponseLike, response: ReceiverResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.status === 413) res.setHeader('connection', 'close');
  res.end(response.body);
}
