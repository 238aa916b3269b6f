/**
 * Every error hookverify throws is a {@link HookverifyError} with a stable `code`.
 * Messages say what to fix; they never contain a secret or an expected signature.
 *
 * @module
 */

/**
 * Why a delivery was refused by a verifier. Stable: safe to `switch` on.
 *
 * - `missing_header`: a header the sender always sends is absent.
 * - `malformed_header`: a header is present but unusable (wrong format, sent more than once, too long).
 * - `timestamp_too_old` / `timestamp_in_future`: outside the replay window.
 * - `invalid_signature`: no signature in the header matches any active secret.
 * - `no_active_secret`: every configured secret is past its `notAfter`.
 * - `invalid_body`: the body is not raw bytes, or (after the signature held) not valid JSON.
 * - `body_too_large`: the body exceeds `maxBodyBytes`; checked before any hashing.
 * - `unsupported_encoding`: the body is content-encoded (`Content-Encoding: gzip`, ...) and its
 *   bytes as given do not verify: hookverify checks the bytes it is given and decodes nothing.
 *
 * @example
 * ```ts
 * import type { VerificationErrorCode } from 'hookverify';
 *
 * function status(code: VerificationErrorCode): number {
 *   if (code === 'body_too_large') return 413;
 *   if (code === 'unsupported_encoding') return 415;
 *   return code === 'invalid_body' ? 400 : 401;
 * }
 * ```
 */
export type VerificationErrorCode =
  | 'missing_header'
  | 'malformed_header'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'invalid_signature'
  | 'no_active_secret'
  | 'invalid_body'
  | 'body_too_large'
  | 'unsupported_encoding';

/**
 * Why a verified payload is not an event of the catalog.
 *
 * - `invalid_event`: the payload does not match the schema of its event type.
 * - `unknown_event`: the event type is not in the catalog and the parser is strict.
 *
 * @example
 * ```ts
 * import { EventValidationError, type EventErrorCode } from 'hookverify';
 *
 * const code: EventErrorCode | undefined = error instanceof EventValidationError ? error.code : undefined;
 * ```
 */
export type EventErrorCode = 'invalid_event' | 'unknown_event';

/**
 * Why a deduplication step could not be carried out.
 *
 * @example
 * ```ts
 * import { DedupeError, type DedupeErrorCode } from 'hookverify';
 *
 * const code: DedupeErrorCode | undefined = error instanceof DedupeError ? error.code : undefined;
 * if (code === 'store_unavailable') console.warn('dedupe store down: answering 503');
 * ```
 */
export type DedupeErrorCode = 'store_unavailable' | 'missing_dedupe_key';

/**
 * Why a Peridio Resource Name was refused.
 *
 * @example
 * ```ts
 * import { PrnError, type PrnErrorCode } from 'hookverify';
 *
 * const code: PrnErrorCode | undefined = error instanceof PrnError ? error.code : undefined; // 'malformed_prn'
 * ```
 */
export type PrnErrorCode = 'malformed_prn';

/**
 * Why a queued job cannot be processed: `invalid_job`, data that is not a hookverify job
 * (another producer's job on the queue, or a format this version does not read).
 *
 * @example
 * ```ts
 * import { JobError, type JobErrorCode } from 'hookverify';
 *
 * const code: JobErrorCode | undefined = error instanceof JobError ? error.code : undefined; // 'invalid_job'
 * ```
 */
export type JobErrorCode = 'invalid_job';

/**
 * A mistake in how hookverify was set up (not in a delivery).
 *
 * - `invalid_secret`: a secret is missing, empty or not in the sender's encoding.
 * - `invalid_option`: an option has a value that cannot work.
 * - `body_already_parsed`: a framework parsed the body before hookverify could read its raw bytes.
 * - `async_backend`: a synchronous method (`verifySync`) on a backend that answers
 *   asynchronously (Web Crypto).
 *
 * @example
 * ```ts
 * import { ConfigurationError, type ConfigurationErrorCode } from 'hookverify';
 *
 * const code: ConfigurationErrorCode | undefined = error instanceof ConfigurationError ? error.code : undefined;
 * if (code === 'invalid_secret') console.error('check PERIDIO_WEBHOOK_SECRET');
 * ```
 */
export type ConfigurationErrorCode = 'invalid_secret' | 'invalid_option' | 'body_already_parsed' | 'async_backend';

/**
 * Every code any hookverify error can carry.
 *
 * @example
 * ```ts
 * import { HookverifyError, type HookverifyErrorCode } from 'hookverify';
 *
 * const counts = new Map<HookverifyErrorCode, number>();
 * if (error instanceof HookverifyError) counts.set(error.code, (counts.get(error.code) ?? 0) + 1);
 * ```
 */
export type HookverifyErrorCode =
  | VerificationErrorCode
  | EventErrorCode
  | DedupeErrorCode
  | PrnErrorCode
  | JobErrorCode
  | ConfigurationErrorCode;

/**
 * Base class of every error hookverify throws.
 *
 * @example
 * ```ts
 * import { HookverifyError } from 'hookverify';
 *
 * try {
 *   await verifier.verify({ body, headers });
 * } catch (error) {
 *   if (error instanceof HookverifyError) console.warn(error.code);
 *   else throw error;
 * }
 * ```
 */
export class HookverifyError<Code extends HookverifyErrorCode = HookverifyErrorCode> extends Error {
  /** Stable machine-readable reason. */
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * A delivery failed verification. Map it to a 4xx answer; never process the body.
 *
 * @example
 * ```ts
 * import { WebhookVerificationError } from 'hookverify';
 *
 * try {
 *   const delivery = await verifier.verify({ body, headers });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) {
 *     switch (error.code) {
 *       case 'body_too_large': return new Response(null, { status: 413 });
 *       case 'invalid_body': return new Response(null, { status: 400 });
 *       default: return new Response(null, { status: 401 });
 *     }
 *   }
 *   throw error;
 * }
 * ```
 */
export class WebhookVerificationError extends HookverifyError<VerificationErrorCode> {}

/**
 * A verified payload is not a valid event of its catalog.
 *
 * @example
 * ```ts
 * import { EventValidationError } from 'hookverify';
 *
 * if (error instanceof EventValidationError && error.code === 'invalid_event') {
 *   console.warn(error.message); // names the path that failed, e.g. data.data.device.prn
 * }
 * ```
 */
export class EventValidationError extends HookverifyError<EventErrorCode> {}

/**
 * A dedupe store could not be reached or a delivery has no key to deduplicate on.
 *
 * @example
 * ```ts
 * import { DedupeError } from 'hookverify';
 *
 * if (error instanceof DedupeError && error.code === 'store_unavailable') {
 *   // answer 503 so the sender retries later
 * }
 * ```
 */
export class DedupeError extends HookverifyError<DedupeErrorCode> {}

/**
 * A string is not a well-formed Peridio Resource Name.
 *
 * @example
 * ```ts
 * import { PrnError } from 'hookverify';
 *
 * if (error instanceof PrnError) console.warn(error.message);
 * ```
 */
export class PrnError extends HookverifyError<PrnErrorCode> {}

/**
 * A queued job's data is not a hookverify job; a worker dead-letters it without retrying.
 *
 * @example
 * ```ts
 * import { JobError } from 'hookverify';
 *
 * if (error instanceof JobError) console.warn('not a hookverify job:', error.message);
 * ```
 */
export class JobError extends HookverifyError<JobErrorCode> {}

/**
 * hookverify was set up in a way that cannot work; thrown at construction or at the first request.
 *
 * @example
 * ```ts
 * import { ConfigurationError } from 'hookverify';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 *
 * try {
 *   createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });
 * } catch (error) {
 *   if (error instanceof ConfigurationError) console.error(error.message); // "no secret was given ..."
 * }
 * ```
 */
export class ConfigurationError extends HookverifyError<ConfigurationErrorCode> {}
