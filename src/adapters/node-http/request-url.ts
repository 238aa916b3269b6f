/**
 * What a Node request says about where it was sent: its path and query, its Host header, and
 * whether its socket is TLS.
 *
 * @example
 * ```ts
 * import type { NodeUrlLike } from 'hookverify/next';
 *
 * // Node's IncomingMessage is one.
 * const request: NodeUrlLike = req;
 * ```
 */
export interface NodeUrlLike {
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Node's socket; a TLS socket says `encrypted: true`. */
  readonly socket?: unknown;
}

/**
 * The URL a Node request was sent to, as this server saw it, for senders that sign it. Forwarded
 * headers are not read (anyone can send them); behind a proxy that rewrites the host or scheme,
 * pin the public URL with the verifier's `url` option. Undefined without a Host header.
 */
export function nodeRequestUrl(request: NodeUrlLike, path = request.url): string | undefined {
  const host = request.headers['host'];
  if (typeof host !== 'string' || host === '' || typeof path !== 'string') return undefined;
  const tls = (request.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true;
  return `${tls ? 'https' : 'http'}://${host}${path}`;
}
