import { DEFAULT_MAX_BODY_BYTES } from '../../core/body.js';
import { ConfigurationError, WebhookVerificationError } from '../../core/errors.js';
import { readWebStream } from './read-web-stream.js';

/**
 * Options of {@link readRequestBody}.
 *
 * @example
 * ```ts
 * import { readRequestBody, type ReadRequestBodyOptions } from 'hookverify/fetch';
 *
 * // The verifier was built with maxBodyBytes: 4 MiB; the read must allow as much.
 * const options: ReadRequestBodyOptions = { maxBodyBytes: 4 * 1024 * 1024, signal: AbortSignal.timeout(5000) };
 * const body = await readRequestBody(request, options);
 * ```
 */
export interface ReadRequestBodyOptions {
  /** Largest body read, in bytes. Default 1 MiB, the verifiers' default: give the same value as the verifier. */
  readonly maxBodyBytes?: number;
  /** Abandons the read: the body stream is cancelled and the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

const DIGITS = /^\d+$/;

/**
 * Reads a Fetch `Request`'s raw body, stopping at `maxBodyBytes`: past the limit (or as soon
 * as `content-length` declares more) the stream is cancelled, nothing more is read, and the
 * promise rejects with a `WebhookVerificationError` `body_too_large`, the error a verifier
 * gives for an oversized body. `await request.arrayBuffer()` instead holds the whole body in
 * memory, whatever its size, before any limit is checked. The Fetch and Next.js adapters read
 * with this function.
 *
 * Rejects with a `ConfigurationError` `body_already_parsed` when the body was already read
 * (`request.json()`, `request.text()`), and with `signal.reason` when `signal` aborts.
 *
 * @example
 * ```ts
 * import { WebhookVerificationError } from 'hookverify';
 * import { readRequestBody } from 'hookverify/fetch';
 *
 * try {
 *   const body = await readRequestBody(request); // Uint8Array, at most 1 MiB
 *   const delivery = await verifier.verify({ body, headers: request.headers });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError && error.code === 'body_too_large') {
 *     return Response.json({ error: error.code }, { status: 413 });
 *   }
 *   throw error;
 * }
 * ```
 */
export async function readRequestBody(request: Request, options: ReadRequestBodyOptions = {}): Promise<Uint8Array> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigurationError('invalid_option', 'maxBodyBytes must be a positive whole number of bytes');
  }
  if (request.bodyUsed) {
    throw new ConfigurationError(
      'body_already_parsed',
      'the request body was already read (request.json(), .text() or .arrayBuffer()) before hookverify; read it only with readRequestBody',
    );
  }
  const tooLarge = () => new WebhookVerificationError('body_too_large', `the body is larger than ${maxBodyBytes} bytes`);
  const declared = request.headers.get('content-length');
  if (declared !== null && DIGITS.test(declared) && Number(declared) > maxBodyBytes) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const body = await readWebStream(request.body, maxBodyBytes, options.signal);
  if (body === undefined) throw tooLarge();
  return body;
}
