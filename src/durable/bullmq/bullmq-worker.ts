import { DelayedError, UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import { durationToMs, type Duration } from '../../core/duration.js';
import { ConfigurationError } from '../../core/errors.js';
import type { JobPayload } from '../job-payload.js';
import { createJobProcessor, type JobOutcome, type JobProcessorOptions } from '../job-processor.js';
import { asError, safely } from '../worker-hooks.js';

/**
 * A job the worker gave up on, as {@link BullMQWorkerOptions.onDeadLetter} sees it. The job
 * itself stays in the queue's failed set (`queue.getFailed()`), where `job.retry()` runs it again.
 *
 * @example
 * ```ts
 * import type { BullMQDeadLetter } from 'hookverify/bullmq';
 *
 * const onDeadLetter = ({ jobId, key, reason, error }: BullMQDeadLetter) => console.error('dead letter', jobId, key, reason, error);
 * ```
 */
export interface BullMQDeadLetter {
  readonly jobId: string | undefined;
  /** The dedupe key (`"<sender>:<delivery id>"`); undefined for data that is not a hookverify job. */
  readonly key: string | undefined;
  readonly reason: Extract<JobOutcome, { status: 'dead_letter' }>['reason'];
  readonly error: unknown;
  /** Attempts made, this one included. */
  readonly attempts: number;
}

/**
 * Options of {@link createBullMQWorker}: the job processor's, and BullMQ's own for the worker.
 *
 * @example
 * ```ts
 * import type { BullMQWorkerOptions } from 'hookverify/bullmq';
 *
 * const options: BullMQWorkerOptions<unknown> = {
 *   queueName: 'webhooks',
 *   worker: { connection: { host: '127.0.0.1', port: 6379 }, concurrency: 8 },
 *   handle: (payload) => console.log(payload),
 *   store,
 * };
 * ```
 */
export interface BullMQWorkerOptions<Event> extends JobProcessorOptions<Event> {
  /** The queue the hand-off adds to. */
  readonly queueName: string;
  /**
   * BullMQ's worker options: `connection` at least. A worker killed mid-job leaves its job
   * active until `lockDuration` (default 30 s) passes and a `stalledInterval` check moves it
   * back; `maxStalledCount` defaults to 5 here (BullMQ's is 1), because a stalled job re-run is
   * safe: the store answers `in_progress` or `duplicate`.
   */
  readonly worker: WorkerOptions;
  /** How long a postponed job (claimed by another run, or the store down) waits; no attempt is spent. Default `"1s"`. */
  readonly postponeDelay?: Duration;
  /** Called for each job given up on: the last attempt failed, or the job can never succeed. */
  readonly onDeadLetter?: (deadLetter: BullMQDeadLetter) => void;
  /** Called with every run's outcome, for logs and metrics. */
  readonly onOutcome?: (outcome: JobOutcome, job: Job<JobPayload>) => void;
}

/**
 * Starts a BullMQ worker that runs the job processor of `hookverify/durable` on the jobs of
 * {@link createBullMQHandoff}: the same catalog and router as in-process, BullMQ's attempts
 * and backoff, completions claimed and recorded in `store`. A postponed job is moved to
 * delayed without spending an attempt; a job that fails its last attempt, or can never
 * succeed, fails without retry (BullMQ's failed set is the dead-letter list) and is passed to
 * `onDeadLetter`. Returns the BullMQ `Worker`: close it on shutdown.
 *
 * @example
 * ```ts
 * import { createBullMQWorker } from 'hookverify/bullmq';
 * import { createRouter } from 'hookverify/events';
 * import { peridioEvents } from 'hookverify/peridio/events';
 * import { createRedisStore } from 'hookverify/redis';
 * import { Redis } from 'ioredis';
 *
 * const worker = createBullMQWorker({
 *   queueName: 'webhooks',
 *   worker: { connection: { host: '127.0.0.1', port: 6379 }, concurrency: 8 },
 *   events: peridioEvents,
 *   handle: createRouter(peridioEvents, { 'device.connected': (event) => markOnline(event.payload.data.data.device.prn) }),
 *   store: createRedisStore({ client: new Redis(process.env.REDIS_URL!) }),
 *   onDeadLetter: ({ key, reason, error }) => console.error('dead letter', key, reason, error),
 * });
 * process.once('SIGTERM', () => void worker.close());
 * ```
 */
export function createBullMQWorker<Event = unknown>(options: BullMQWorkerOptions<Event>): Worker<JobPayload> {
  const { queueName, onDeadLetter, onOutcome } = options;
  if (typeof queueName !== 'string' || queueName.length === 0) {
    throw new ConfigurationError('invalid_option', 'queueName must be the name of the queue the hand-off adds to');
  }
  const postponeMs = durationToMs(options.postponeDelay ?? '1s', 'postponeDelay');
  const processor = createJobProcessor(options);

  async function processHookverifyJob(job: Job<JobPayload>, token?: string): Promise<{ status: string }> {
    const attempts = job.opts.attempts ?? 1;
    const outcome = await processor.process(job.data, { attempt: job.attemptsMade + 1, attempts });
    safely(onOutcome && (() => onOutcome(outcome, job)));
    switch (outcome.status) {
      case 'done':
      case 'duplicate':
        return { status: outcome.status };
      case 'postponed':
        await job.moveToDelayed(Date.now() + postponeMs, token);
        throw new DelayedError(`postponed: ${outcome.reason}`);
      case 'retry':
        throw asError(outcome.error);
      default: {
        const { key, reason, error } = outcome;
        safely(onDeadLetter && (() => onDeadLetter({ jobId: job.id, key, reason, error, attempts: job.attemptsMade + 1 })));
        throw new UnrecoverableError(`${reason}: ${asError(error).message}`);
      }
    }
  }

  return new Worker<JobPayload>(queueName, processHookverifyJob, { maxStalledCount: 5, ...options.worker });
}
