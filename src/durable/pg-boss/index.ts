/**
 * `hookverify/pg-boss`: hand verified events to a pg-boss queue (Postgres) and process them in
 * workers with the same catalog and router as in-process, for users whose only infrastructure
 * is Postgres. Needs the optional peer `pg-boss`.
 *
 * @module
 */
export { createPgBossHandoff, type PgBossHandoffOptions, type PgBossLike } from './pg-boss-handoff.js';
export { createPgBossWorker, type PgBossDeadLetter, type PgBossWorkerOptions, type PgBossWorkers } from './pg-boss-worker.js';
