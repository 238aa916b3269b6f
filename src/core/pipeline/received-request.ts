import type { RawBody } from '../body.js';
import type { HeadersInput } from '../headers.js';

/**
 * Reads a request's body, stopping as soon as more than `maxBytes` have arrived: resolves to
 * the raw bytes, or to `undefined` (or rejects with a `body_too_large` error) when the body is
 * over the limit (nothing past the limit is buffered). May reject with a `ConfigurationError`
 * `body_already_parsed` when a framework consumed the body before hookverify could read it.
 * When `signal` aborts (the receiver's `bodyTimeout` passed) the reader should stop reading and
 * let go of the stream; the receiver answers 408 without waiting for it. Only a reader that
 * declares the `signal` parameter is given one (an AbortController is not free); the Node
 * adapters declare none, since the 408 closes the connection, which ends their read.
 *
 * @example
 * ```ts
 * import type { BodyReader } from 'hookverify';
 * import { readRequestBody } from 'hookverify/fetch';
 *
 * // What the Fetch adapter passes: reading stops, and the stream is cancelled, past maxBytes.
 * const read: BodyReader = (maxBytes, signal) => readRequestBody(request, { maxBodyBytes: maxBytes, signal });
 * ```
 */
export type BodyReader = (maxBytes: number, signal?: AbortSignal) => Promise<RawBody | undefined>;

/**
 * A request as every adapter hands it to the receiver: the framework's request reduced to
 * what the pipeline needs. The body is the raw bytes, or a {@link BodyReader} so that an
 * oversized body is refused without being read.
 *
 * @example
 * ```ts
 * import type { ReceivedRequest } from 'hookverify';
 *
 * const request: ReceivedRequest = { method: 'POST', headers: { 'peridio-signature': signature }, body: rawBytes };
 * ```
 */
export interface ReceivedRequest {
  /** The HTTP method, e.g. `"POST"`. */
  readonly method: string;
  /** The request headers in any shape hookverify reads (Fetch `Headers`, Node's headers, a record). */
  readonly headers: HeadersInput;
  /** The raw body, or a function that reads it within a limit. */
  readonly body: RawBody | BodyReader;
  /**
   * The full URL the request was sent to, as this server saw it; read only by senders that sign
   * it (Square). A verifier's `url` option pins the public URL instead.
   */
  readonly url?: string | undefined;
}

/**
 * The answer to send, framework-neutral: adapters copy it into their own response object.
 *
 * @example
 * ```ts
 * const { status, headers, body } = await receiver.receive(request);
 * return new Response(body, { status, headers });
 * ```
 */
export interface ReceiverResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** A small JSON document: `{"status":"processed"}` or `{"error":"<code>"}`. */
  readonly body: string;
}
