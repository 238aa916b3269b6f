import type PgBoss from 'pg-boss';
import { durationToMs, type Duration } from '../../core/duration.js';
import { ConfigurationError } from '../../core/errors.js';
import type { JobPayload } from '../job-payload.js';
import { createJobProcessor, type JobOutcome, type JobProcessorOptions } from '../job-processor.js';
import { asError, safely } from '../worker-hooks.js';
import { createPgBossQueues, defaultDeadLetter } from './pg-boss-queues.js';

/**
 * A job the worker gave up on, as {@link PgBossWorkerOptions.onDeadLetter} sees it. Its data is
 * also sent to the dead-letter queue, where `boss.fetch(deadLetter)` finds it.
 *
 * @example
 * ```ts
 * import type { PgBossDeadLetter } from 'hookverify/pg-boss';
 *
 * const onDeadLetter = ({ jobId, key, reason }: PgBossDeadLetter) => console.error('dead letter', jobId, key, reason);
 * ```
 */
export interface PgBossDeadLetter {
  readonly jobId: string;
  readonly key: string | undefined;
  readonly reason: Extract<JobOutcome, { status: 'dead_letter' }>['reason'];
  readonly error: unknown;
  /** Attempts made, this one included. */
  readonly attempts: number;
}

/**
 * Options of {@link createPgBossWorker}.
 *
 * @example
 * ```ts
 * import type { PgBossWorkerOptions } from 'hookverify/pg-boss';
 *
 * const options: PgBossWorkerOptions<unknown> = { boss, queueName: 'webhooks', handle: (payload) => console.log(payload), store, concurrency: 4 };
 * ```
 */
export interface PgBossWorkerOptions<Event> extends JobProcessorOptions<Event> {
  readonly boss: Pick<PgBoss, 'fetch' | 'complete' | 'fail' | 'send' | 'createQueue'> & { on?: PgBoss['on'] };
  /** The queue the hand-off sends to. */
  readonly queueName: string;
  /** Where dead letters go; the hand-off's. Default `"<queue>-dead-letter"`. */
  readonly deadLetter?: string;
  /** Jobs run at once by this process (one fetch loop each). Default 1. */
  readonly concurrency?: number;
  /** How long an idle loop waits before fetching again, in seconds. Default 2 (pg-boss's). */
  readonly pollingIntervalSeconds?: number;
  /**
   * pg-boss cannot put a job back without spending a retry, so a postponed job (another run holds
   * its claim, or the store is down) waits in the worker, `postponeDelay` at a time (default
   * `"1s"`), for at most `postponeLimit` (default `"30s"`, the default lease); then it is retried.
   */
  readonly postponeDelay?: Duration;
  readonly postponeLimit?: Duration;
  /** Called for each job given up on: the last attempt failed, or the job can never succeed. */
  readonly onDeadLetter?: (deadLetter: PgBossDeadLetter) => void;
  /** Called with every run's outcome. */
  readonly onOutcome?: (outcome: JobOutcome, job: PgBoss.JobWithMetadata<JobPayload>) => void;
  /**
   * Called when Postgres could not be reached to fetch a job or record its outcome. Such a job
   * stays active until pg-boss expires it, then runs again; its completion, already claimed in
   * the store, is acknowledged as a duplicate.
   */
  readonly onError?: (error: Error) => void;
}

/**
 * The running loops of {@link createPgBossWorker}.
 *
 * @example
 * ```ts
 * import type { PgBossWorkers } from 'hookverify/pg-boss';
 *
 * const shutdown = async (workers: PgBossWorkers) => {
 *   await workers.stop(); // the jobs in hand finish and are recorded first
 *   await boss.stop();
 * };
 * ```
 */
export interface PgBossWorkers {
  /** Stops fetching and resolves once every job in hand has run and been recorded. */
  readonly stop: () => Promise<void>;
}

/**
 * Starts pg-boss workers that run the job processor of `hookverify/durable` on the jobs of
 * {@link createPgBossHandoff}: the same catalog and router as in-process, pg-boss's retries,
 * completions claimed and recorded in `store` (a `hookverify/postgres` store keeps them in the
 * same database). A job given up on (its last attempt failed, or it can never succeed) is sent
 * to the dead-letter queue, passed to `onDeadLetter`, and completed so pg-boss stops. Resolves to
 * the running loops: `workers.stop()` lets the jobs in hand finish; `boss.stop()` also ends them.
 *
 * @example
 * ```ts
 * import PgBoss from 'pg-boss';
 * import { createPgBossWorker } from 'hookverify/pg-boss';
 * import { peridioEvents } from 'hookverify/peridio/events';
 *
 * const boss = await new PgBoss(process.env.DATABASE_URL!).start();
 * await createPgBossWorker({
 *   boss,
 *   queueName: 'webhooks',
 *   events: peridioEvents,
 *   handle: (event) => console.log(event.name),
 *   store,
 *   concurrency: 4,
 *   onDeadLetter: ({ key, reason }) => console.error('dead letter', key, reason),
 * });
 * ```
 */
export async function createPgBossWorker<Event = unknown>(options: PgBossWorkerOptions<Event>): Promise<PgBossWorkers> {
  const { boss, queueName, onDeadLetter, onOutcome, onError } = options;
  if (typeof boss?.fetch !== 'function') throw new ConfigurationError('invalid_option', 'boss must be a started PgBoss');
  if (typeof queueName !== 'string' || queueName.length === 0) throw new ConfigurationError('invalid_option', 'queueName must be a queue name');
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ConfigurationError('invalid_option', 'concurrency must be a whole number from 1');
  const postponeMs = durationToMs(options.postponeDelay ?? '1s', 'postponeDelay');
  const postponeLimitMs = durationToMs(options.postponeLimit ?? '30s', 'postponeLimit');
  const deadLetter = options.deadLetter ?? defaultDeadLetter(queueName);
  const processor = createJobProcessor(options);
  await createPgBossQueues(boss, queueName, deadLetter);

  // The one sleep of idle loops and postponed jobs; stop() wakes whoever is sleeping.
  const sleepers = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  async function runOne(job: PgBoss.JobWithMetadata<JobPayload>): Promise<{ status: string }> {
    const attempt = { attempt: job.retryCount + 1, attempts: job.retryLimit + 1 };
    const deadline = Date.now() + postponeLimitMs;
    let outcome = await processor.process(job.data, attempt);
    while (outcome.status === 'postponed' && Date.now() < deadline) {
      safely(onOutcome && (() => onOutcome(outcome, job)));
      await pause(postponeMs);
      outcome = await processor.process(job.data, attempt);
    }
    safely(onOutcome && (() => onOutcome(outcome, job)));
    switch (outcome.status) {
      case 'done':
      case 'duplicate':
        return { status: outcome.status };
      case 'postponed':
        throw new Error(`postponed longer than postponeLimit: ${outcome.reason}`);
      case 'retry':
        throw asError(outcome.error);
      default: {
        const { key, reason, error } = outcome;
        // Same id in the dead-letter queue: a worker killed between these two steps sends it once.
        await boss.send(deadLetter, job.data as unknown as object, { id: job.id, ...(key === undefined ? {} : { singletonKey: key }) });
        safely(onDeadLetter && (() => onDeadLetter({ jobId: job.id, key, reason, error, attempts: attempt.attempt })));
        return { status: 'dead_letter' };
      }
    }
  }

  // Our own fetch loop, not boss.work(): pg-boss 10's work loop records a job's outcome with a
  // promise nobody awaits, so Postgres going away at that moment is an unhandled rejection, which
  // ends a Node process. Here every call to Postgres is awaited and a failure reported; the job
  // stays active, expires and is retried, so nothing is lost.
  const pollMs = Math.max(100, (options.pollingIntervalSeconds ?? 2) * 1000);
  const report = (error: unknown) => safely(onError && (() => onError(asError(error))));
  let stopping = false;
  async function settle(job: PgBoss.JobWithMetadata<JobPayload>): Promise<void> {
    let ok = true;
    let result: unknown;
    try {
      result = await runOne(job);
    } catch (error) {
      ok = false;
      result = error;
    }
    try {
      if (ok) await boss.complete(queueName, job.id, result as object);
      else await boss.fail(queueName, job.id, result as object);
    } catch (error) {
      report(error);
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let jobs: PgBoss.JobWithMetadata<JobPayload>[] = [];
      try {
        jobs = await boss.fetch<JobPayload>(queueName, { batchSize: 1, includeMetadata: true });
      } catch (error) {
        report(error);
      }
      if (jobs.length === 0) {
        if (!stopping) await pause(pollMs);
        continue;
      }
      for (const job of jobs) await settle(job);
    }
  }

  const loops = Array.from({ length: concurrency }, loop);
  const stop = async () => {
    stopping = true;
    for (const wake of [...sleepers]) wake();
    await Promise.all(loops);
  };
  // boss.stop() closes its pool; loops left polling it would keep the process alive.
  boss.on?.('stopped', () => void stop());
  return { stop };
}
