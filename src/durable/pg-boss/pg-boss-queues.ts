import type PgBoss from 'pg-boss';

/** The dead-letter queue of `queueName` when none is named. */
export function defaultDeadLetter(queueName: string): string {
  return `${queueName}-dead-letter`;
}

// Postgres's codes for a deadlock and for a table or row another session created first.
const CREATION_RACES = new Set(['40P01', '42P07', '23505']);
const CREATE_ATTEMPTS = 5;

function isCreationRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CREATION_RACES.has(code);
}

/**
 * pg-boss's create_queue adds a partition per queue, and two processes creating the same new
 * queue at once (a receiver and its workers starting together) can deadlock on it; one of them
 * has then created it, so trying again finds it and does nothing.
 */
async function createQueueOnce(create: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await create();
      return;
    } catch (error) {
      if (attempt >= CREATE_ATTEMPTS || !isCreationRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
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
  await createQueueOnce(() => boss.createQueue(deadLetter));
  await createQueueOnce(() => boss.createQueue(queueName, { name: queueName, deadLetter }));
}
