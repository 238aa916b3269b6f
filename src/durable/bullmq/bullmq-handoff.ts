import type { JobsOptions } from 'bullmq';
import { ConfigurationError } from '../../core/errors.js';
import type { DeliveryContext } from '../../core/pipeline/create-webhook-receiver.js';
import { encodeJobId } from '../job-id.js';
import { attemptsOption, handOffTo } from '../hand-off.js';
import type { JobPayload } from '../job-payload.js';

/**
 * What the hand-off needs of a BullMQ `Queue`: its `add`.
 *
 * @example
 * ```ts
 * import { Queue } from 'bullmq';
 * import type { BullMQQueueLike } from 'hookverify/bullmq';
 *
 * const queue: BullMQQueueLike = new Queue('webhooks', { connection: { host: '127.0.0.1', port: 6379 } });
 * ```
 */
export interface BullMQQueueLike {
  add(name: string, data: JobPayload, options?: JobsOptions): Promise<unknown>;
}

/**
 * Options of {@link createBullMQHandoff}. BullMQ keeps attempts and backoff on each job, so
 * they are set here, where the job is added, and the worker reads them back from the job.
 *
 * @example
 * ```ts
 * import type { BullMQHandoffOptions } from 'hookverify/bullmq';
 *
 * const options: BullMQHandoffOptions = { attempts: 8, backoff: { type: 'exponential', delay: 2000 } };
 * ```
 */
export interface BullMQHandoffOptions {
  /** Attempts in all; the last failing one dead-letters the job. Default 5. */
  readonly attempts?: number;
  /** BullMQ's backoff between attempts. Default exponential from 1 s. */
  readonly backoff?: JobsOptions['backoff'];
  /**
   * Other job options. By default completed jobs are kept a day (a redelivery meanwhile is
   * ignored by BullMQ; after it the store answers `duplicate`) and failed jobs, the dead
   * letters, are kept until you act on them.
   */
  readonly jobOptions?: Omit<JobsOptions, 'jobId' | 'attempts' | 'backoff'>;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * The hand-off for `createWebhookReceiver({ mode: 'acknowledge-first' })`: adds each verified
 * event to a BullMQ queue, with its dedupe key, encoded, as the job id. The receiver answers
 * 2xx only once Redis has accepted the job. A redelivery of an event whose job is still there is
 * ignored by BullMQ (same job id) and acknowledged. When Redis refuses or fails, the hand-off
 * throws a `DedupeError` `store_unavailable`, which the receiver answers 503; a Redis that does
 * not answer is bounded by `handoffTimeout` (503 too).
 *
 * @example
 * ```ts
 * import { Queue } from 'bullmq';
 * import { createWebhookReceiver } from 'hookverify';
 * import { createBullMQHandoff } from 'hookverify/bullmq';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * // enableOfflineQueue: false makes an unreachable Redis fail fast instead of waiting for handoffTimeout.
 * const queue = new Queue('webhooks', { connection: { host: '127.0.0.1', port: 6379, enableOfflineQueue: false } });
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   events: peridioEvents,
 *   mode: 'acknowledge-first',
 *   handoffTimeout: '2s', // EdgeSense waits 3 s for its answer
 *   handle: createBullMQHandoff(queue),
 * });
 * ```
 */
export function createBullMQHandoff(
  queue: BullMQQueueLike,
  options: BullMQHandoffOptions = {},
): (event: unknown, context: DeliveryContext) => Promise<void> {
  if (typeof queue?.add !== 'function') {
    throw new ConfigurationError('invalid_option', 'createBullMQHandoff needs a BullMQ Queue (something with add())');
  }
  const attempts = attemptsOption(options.attempts);
  const jobOptions: JobsOptions = {
    removeOnComplete: { age: DAY_SECONDS },
    removeOnFail: false,
    ...options.jobOptions,
    attempts,
    backoff: options.backoff ?? { type: 'exponential', delay: 1000 },
  };
  return handOffTo('BullMQ', (job) => queue.add(job.event ?? job.eventType ?? job.sender, job, { ...jobOptions, jobId: encodeJobId(job.key) }));
}
