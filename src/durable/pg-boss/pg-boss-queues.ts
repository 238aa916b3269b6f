import type PgBoss from 'pg-boss';

/** The dead-letter queue of `queueName` when none is named. */
export function defaultDeadLetter(queueName: string): string {
  return `${queueName}-dead-letter`;
}

/**
 * pg-boss 10 sends only to queues that exist. Both the hand-off and the worker create theirs
 * (pg-boss's create_queue does nothing for a queue that exists), the dead-letter queue first,
 * since the queue refers to it.
 */
export async function createPgBossQueues(
  boss: Pick<PgBoss, 'createQueue'>,
  queueName: string,
  deadLetter: string,
): Promise<void> {
  await boss.createQueue(deadLetter);
  await boss.createQueue(queueName, { name: queueName, deadLetter });
}
