import type PgBoss from 'pg-boss';
import { ConfigurationError } from '../../core/errors.js';
import type { DeliveryContext } from '../../core/pipeline/create-webhook-receiver.js';
import { attemptsOption, handOffTo } from '../hand-off.js';
import { jobUuid } from '../job-uuid.js';
import { createPgBossQueues, defaultDeadLetter } from './pg-boss-queues.js';

/**
 * What the hand-off needs of a started `PgBoss`.
 *
 * @example
 * ```ts
 * import PgBoss from 'pg-boss';
 * import type { PgBossLike } from 'hookverify/pg-boss';
 *
 * const boss: PgBossLike = await new PgBoss(process.env.DATABASE_URL!).start();
 * ```
 */
export type PgBossLike = Pick<PgBoss, 'send' | 'createQueue'>;

/**
 * Options of {@link createPgBossHandoff}. pg-boss keeps retries on each job (and on its queue),
 * so they are set here, where the job is sent; the worker reads them back from the job.
 *
 * @example
 * ```ts
 * import type { PgBossHandoffOptions } from 'hookverify/pg-boss';
 *
 * const options: PgBossHandoffOptions = { attempts: 8, retryDelay: 2, retryBackoff: true };
 * ```
 */
export interface PgBossHandoffOptions {
  /** Attempts in all (pg-boss's `retryLimit` is one less); the last failing one dead-letters the job. Default 5. */
  readonly attempts?: number;
  /** Seconds before a retry. Default 1. */
  readonly retryDelay?: number;
  /** Exponential backoff from `retryDelay`. Default true. */
  readonly retryBackoff?: boolean;
  /**
   * Seconds a job may stay active; a worker that died mid-job has its job retried after it.
   * Default 60 (pg-boss's is 15 minutes).
   */
  readonly expireInSeconds?: number;
  /** Where dead letters go. Default `"<queue>-dead-letter"`. */
  readonly deadLetter?: string;
}

/**
 * The hand-off for `createWebhookReceiver({ mode: 'acknowledge-first' })` for users whose only
 * infrastructure is Postgres: sends each verified event to a pg-boss queue and answers 2xx only
 * once the job is committed. The job id is a UUID made from the dedupe key ({@link jobUuid}), so a
 * redelivery while its job is in the job table conflicts and is acknowledged without a second
 * job; the key itself is the job's `singletonKey`, to find it by. When Postgres refuses or
 * fails, it throws a `DedupeError` `store_unavailable`, which the receiver answers 503.
 *
 * @example
 * ```ts
 * import PgBoss from 'pg-boss';
 * import { createWebhookReceiver } from 'hookverify';
 * import { createPgBossHandoff } from 'hookverify/pg-boss';
 * import { createPeridioVerifier } from 'hookverify/peridio';
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * const boss = await new PgBoss(process.env.DATABASE_URL!).start();
 * const receiver = createWebhookReceiver({
 *   verifier: createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET }),
 *   events: peridioEvents,
 *   mode: 'acknowledge-first',
 *   handoffTimeout: '2s',
 *   handle: createPgBossHandoff(boss, 'webhooks'),
 * });
 * ```
 */
export function createPgBossHandoff(
  boss: PgBossLike,
  queueName: string,
  options: PgBossHandoffOptions = {},
): (event: unknown, context: DeliveryContext) => Promise<void> {
  if (typeof boss?.send !== 'function' || typeof boss.createQueue !== 'function') {
    throw new ConfigurationError('invalid_option', 'createPgBossHandoff needs a started PgBoss');
  }
  if (typeof queueName !== 'string' || queueName.length === 0) throw new ConfigurationError('invalid_option', 'queueName must be a queue name');
  const attempts = attemptsOption(options.attempts);
  const deadLetter = options.deadLetter ?? defaultDeadLetter(queueName);
  const sendOptions: PgBoss.SendOptions = {
    retryLimit: attempts - 1,
    retryDelay: options.retryDelay ?? 1,
    retryBackoff: options.retryBackoff ?? true,
    expireInSeconds: options.expireInSeconds ?? 60,
    deadLetter,
  };
  let queues: Promise<void> | undefined;

  return handOffTo('pg-boss', async (job) => {
    queues ??= createPgBossQueues(boss, queueName, deadLetter).catch((error: unknown) => {
      queues = undefined;
      throw error;
    });
    await queues;
    // null: a job with this id exists already, so the event is queued (or done): acknowledge.
    await boss.send(queueName, job as unknown as object, { ...sendOptions, id: await jobUuid(job.key), singletonKey: job.key });
  });
}
