/**
 * `hookverify/bullmq`: hand verified events to a BullMQ queue (Redis) and process them in
 * workers with the same catalog and router as in-process. Needs the optional peer `bullmq`.
 *
 * @module
 */
export { createBullMQHandoff, type BullMQHandoffOptions, type BullMQQueueLike } from './bullmq-handoff.js';
export { createBullMQWorker, type BullMQDeadLetter, type BullMQWorkerOptions } from './bullmq-worker.js';
