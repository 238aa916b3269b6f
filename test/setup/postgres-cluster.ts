// vitest globalSetup: one PostgreSQL cluster for the whole run, shared by every test file that
// asks for a database (test/helpers/postgres-database.ts gives each file a database of its own).
// Where PostgreSQL is not installed, outside CI, nothing starts and those files skip.
import type { TestProject } from 'vitest/node';
import { postgresUnavailableReason, startPostgresServer } from '../helpers/postgres-server.js';

/** Where the run's cluster listens; undefined when none was started. */
export interface SharedPostgres {
  readonly port: number;
  readonly user: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: SharedPostgres | undefined;
  }
}

export default async function startSharedPostgres(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (postgresUnavailableReason() !== undefined) {
    project.provide('postgres', undefined);
    return undefined;
  }
  const server = await startPostgresServer();
  project.provide('postgres', { port: server.port, user: server.user });
  return () => server.stop();
}
