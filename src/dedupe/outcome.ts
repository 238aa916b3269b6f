import type { DedupeError } from '../core/errors.js';

/**
 * The handler ran and returned. `recorded` says whether the store now remembers the key as
 * completed; it is `false` when the store failed at that moment (`storeError` is set, and is
 * also set when `onStoreError: 'fail-open'` skipped the claim) or when the handler outlived its
 * lease and another claim took the key. Either way the event was processed: answer 2xx.
 *
 * @example
 * ```ts
 * import type { ProcessedOutcome } from 'hookverify/dedupe';
 *
 * const outcome = await dedupe.run(delivery, () => store(delivery.payload));
 * if (outcome.status === 'processed') {
 *   const processed: ProcessedOutcome<void> = outcome;
 *   if (!processed.recorded) console.warn('processed, but the store did not record it', processed.storeError);
 * }
 * ```
 */
export interface ProcessedOutcome<Result> {
  readonly status: 'processed';
  readonly key: string;
  readonly result: Result;
  readonly recorded: boolean;
  readonly storeError?: unknown;
}

/**
 * The key was already completed: the handler was not called. Answer 2xx so the sender stops.
 *
 * @example
 * ```ts
 * import type { DuplicateOutcome } from 'hookverify/dedupe';
 *
 * const outcome = await dedupe.run(delivery, handler);
 * if (outcome.status === 'duplicate') {
 *   const duplicate: DuplicateOutcome = outcome;
 *   console.info('already processed', duplicate.key);
 * }
 * ```
 */
export interface DuplicateOutcome {
  readonly status: 'duplicate';
  readonly key: string;
}

/**
 * Another delivery of the same event holds a live claim. The handler was not called; answer
 * 409 so the sender retries later (the other one may still fail).
 *
 * @example
 * ```ts
 * import type { InProgressOutcome } from 'hookverify/dedupe';
 *
 * const outcome = await dedupe.run(delivery, handler);
 * if (outcome.status === 'in_progress') {
 *   const busy: InProgressOutcome = outcome;
 *   res.status(409).json({ error: 'in_progress', key: busy.key });
 * }
 * ```
 */
export interface InProgressOutcome {
  readonly status: 'in_progress';
  readonly key: string;
}

/**
 * The handler threw or rejected. The claim was released (`released`; when the release itself
 * failed, the lease expires instead), so the sender's retry is processed. Answer 5xx.
 *
 * @example
 * ```ts
 * import type { FailedOutcome } from 'hookverify/dedupe';
 *
 * const outcome = await dedupe.run(delivery, handler);
 * if (outcome.status === 'failed') {
 *   const failed: FailedOutcome = outcome;
 *   console.error('handler failed; the retry will run it again', failed.error);
 * }
 * ```
 */
export interface FailedOutcome {
  readonly status: 'failed';
  readonly key: string;
  readonly error: unknown;
  readonly released: boolean;
}

/**
 * The store could not be reached (or did not answer within `storeTimeout`) and dedupe fails
 * closed: nothing was processed. Answer 503 so the sender retries.
 *
 * @example
 * ```ts
 * import type { StoreUnavailableOutcome } from 'hookverify/dedupe';
 *
 * const outcome = await dedupe.run(delivery, handler);
 * if (outcome.status === 'store_unavailable') {
 *   const down: StoreUnavailableOutcome = outcome;
 *   console.error(down.error.message, down.error.cause);
 * }
 * ```
 */
export interface StoreUnavailableOutcome {
  readonly status: 'store_unavailable';
  readonly key: string;
  /** A `DedupeError` with code `store_unavailable`; the store's own error is its `cause`. */
  readonly error: DedupeError;
}

/**
 * What {@link Deduplicator.run} did with a delivery. Switch on `status`, or map it to an HTTP
 * status with {@link dedupeHttpStatus}.
 *
 * @example
 * ```ts
 * import type { DedupeOutcome } from 'hookverify/dedupe';
 *
 * const outcome: DedupeOutcome = await dedupe.run(delivery, handler);
 * switch (outcome.status) {
 *   case 'processed':
 *   case 'duplicate': return res.sendStatus(200);
 *   case 'in_progress': return res.sendStatus(409);
 *   case 'failed': return res.sendStatus(500);
 *   case 'store_unavailable': return res.sendStatus(503);
 * }
 * ```
 */
export type DedupeOutcome<Result = unknown> =
  | ProcessedOutcome<Result>
  | DuplicateOutcome
  | InProgressOutcome
  | FailedOutcome
  | StoreUnavailableOutcome;

/**
 * The HTTP status each outcome maps to.
 *
 * @example
 * ```ts
 * import { dedupeHttpStatus, type DedupeHttpStatus } from 'hookverify/dedupe';
 *
 * const status: DedupeHttpStatus = dedupeHttpStatus(await dedupe.run(delivery, handler));
 * return new Response(null, { status });
 * ```
 */
export type DedupeHttpStatus = 200 | 409 | 500 | 503;

const STATUS: Readonly<Record<DedupeOutcome['status'], DedupeHttpStatus>> = {
  processed: 200,
  duplicate: 200,
  in_progress: 409,
  failed: 500,
  store_unavailable: 503,
};

/**
 * The answer a webhook endpoint gives for an outcome: 200 when processed or a duplicate of a
 * completed event (the sender must stop), 409 while another delivery is in progress, 500 when
 * the handler failed and 503 when the store is unavailable (the sender must retry).
 *
 * @example
 * ```ts
 * import { createDeduplicator, dedupeHttpStatus } from 'hookverify/dedupe';
 *
 * const outcome = await dedupe.run(delivery, () => handle(delivery.payload));
 * return new Response(null, { status: dedupeHttpStatus(outcome) });
 * ```
 */
export function dedupeHttpStatus(outcome: DedupeOutcome): DedupeHttpStatus {
  return STATUS[outcome.status];
}
