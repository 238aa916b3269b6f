/**
 * `hookverify/durable`: the engine-neutral half of a queue hand-off. The job format a receiver
 * enqueues, the reversible job id of a dedupe key, and the job processor a worker runs: the
 * same catalog and router as in-process, with completions recorded in a dedupe store.
 * `hookverify/bullmq` and `hookverify/pg-boss` are built on it; docs/durable.md compares them.
 *
 * @module
 */
export { decodeJobId, encodeJobId } from './job-id.js';
export { jobUuid } from './job-uuid.js';
export { createJobPayload, jobBodyPayload, readJobPayload, type JobBody, type JobPayload } from './job-payload.js';
export {
  createJobProcessor,
  type JobContext,
  type JobHandler,
  type JobOutcome,
  type JobProcessor,
  type JobProcessorOptions,
} from './job-processor.js';
