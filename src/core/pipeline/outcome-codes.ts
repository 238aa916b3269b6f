import type { VerificationErrorCode } from '../errors.js';

/**
 * What the receiver did with a request, as a stable code. Each code has one HTTP status
 * ({@link RECEIVER_STATUS}); error codes are also the `error` member of the response body.
 *
 * - `processed`: verified, parsed, handled (or handed off) and, with dedupe, marked done.
 * - `unhandled`: verified and acknowledged, but no handler ran (e.g. an unknown event type and
 * a router without `onUnknown`); marked done, so redeliveries are acknowledged too.
 * - `duplicate`: an event already processed; the handler did not run.
 * - `unknown_event`: a strict parser refused the event type; acknowledged so the sender stops.
 * - `method_not_allowed`, `body_too_large`, any {@link VerificationErrorCode}: refused before
 * anything was processed (`unsupported_encoding`: a content-encoded body whose bytes do not verify).
 * - `body_timeout`: the body did not arrive within `bodyTimeout`; nothing was processed.
 * - `invalid_event`: the signature held but the payload does not match its event's schema.
 * - `missing_dedupe_key`: the signature held but the delivery has no id to deduplicate on.
 * - `in_progress`: another delivery of the same event is being processed right now.
 * - `handler_failed`: the handler threw; nothing was marked done, so the sender's retry runs it again.
 * - `handoff_timeout`: acknowledge-first mode only: the hand-off did not finish in time.
 * - `store_unavailable`: the dedupe store could not be reached; nothing was processed.
 * - `body_already_parsed`: a body parser consumed the body first (a setup error).
 * - `internal_error`: an unexpected error inside the pipeline (e.g. a parser that threw).
 *
 * @example
 * ```ts
 * import type { ReceiverOutcomeCode } from 'hookverify';
 *
 * const retried: ReceiverOutcomeCode[] = ['in_progress', 'handler_failed', 'store_unavailable'];
 * ```
 */
export type ReceiverOutcomeCode =
  | 'processed'
  | 'unhandled'
  | 'duplicate'
  | 'unknown_event'
  | 'method_not_allowed'
  | 'body_timeout'
  | VerificationErrorCode
  | 'invalid_event'
  | 'missing_dedupe_key'
  | 'in_progress'
  | 'handler_failed'
  | 'handoff_timeout'
  | 'store_unavailable'
  | 'body_already_parsed'
  | 'internal_error';

/**
 * The HTTP status of every outcome. Senders retry on anything but 2xx, so a 2xx means "stop
 * sending this", and a 4xx or 5xx means "try again later" (or, for 401/400, "this will never work").
 *
 * @example
 * ```ts
 * import { RECEIVER_STATUS } from 'hookverify';
 *
 * RECEIVER_STATUS.in_progress; // 409
 * ```
 */
export const RECEIVER_STATUS: Readonly<Record<ReceiverOutcomeCode, number>> = Object.freeze({
  processed: 200,
  unhandled: 200,
  duplicate: 200,
  unknown_event: 200,
  method_not_allowed: 405,
  body_timeout: 408,
  body_too_large: 413,
  unsupported_encoding: 415,
  missing_header: 401,
  malformed_header: 401,
  timestamp_too_old: 401,
  timestamp_in_future: 401,
  invalid_signature: 401,
  no_active_secret: 401,
  invalid_body: 400,
  invalid_event: 400,
  missing_dedupe_key: 400,
  in_progress: 409,
  handler_failed: 500,
  body_already_parsed: 500,
  internal_error: 500,
  handoff_timeout: 503,
  store_unavailable: 503,
});

/**
 * True for the codes answered with a 2xx: the sender must not send this delivery again.
 *
 * @example
 * ```ts
 * import { isAcknowledged } from 'hookverify';
 *
 * const hooks = { onOutcome: (outcome) => metrics.count(isAcknowledged(outcome.code) ? 'acked' : 'refused') };
 * ```
 */
export function isAcknowledged(code: ReceiverOutcomeCode): boolean {
  return RECEIVER_STATUS[code] < 300;
}
