import { ConfigurationError, DedupeError } from '../core/errors.js';
import type { DeliveryContext } from '../core/pipeline/create-webhook-receiver.js';
import { createJobPayload, type JobPayload } from './job-payload.js';

/** Attempts in all, as every engine's hand-off takes them: a whole number from 1, default 5. */
export function attemptsOption(attempts: number | undefined): number {
  const value = attempts ?? 5;
  if (!Number.isInteger(value) || value < 1) throw new ConfigurationError('invalid_option', 'attempts must be a whole number from 1');
  return value;
}

/**
 * The handler an acknowledge-first receiver runs, for any engine: the verified event as a job,
 * given to `submit`. An engine that refuses it is a store outage to the receiver (503), so the
 * sender retries rather than being told the event is safe.
 */
export function handOffTo(
  engine: string,
  submit: (job: JobPayload) => Promise<unknown>,
): (event: unknown, context: DeliveryContext) => Promise<void> {
  return async function handOff(event, { delivery }) {
    const job = createJobPayload(delivery, event);
    try {
      await submit(job);
    } catch (error) {
      throw new DedupeError('store_unavailable', `${engine} did not accept the job; the sender will retry`, { cause: error });
    }
  };
}
