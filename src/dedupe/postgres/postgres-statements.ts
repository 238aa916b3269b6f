import type { TableName } from './table-name.js';

/** The SQL of every operation on one table. Parameters: $1 key, $2 token, $3 milliseconds. */
export interface PostgresStatements {
  readonly claim: string;
  readonly complete: string;
  readonly markDone: string;
  readonly release: string;
  readonly purge: string;
}

// Every time is the database's (statement_timestamp()), so the processes sharing a table may
// disagree about the clock without a lease ending early or late.
const EXPIRES = "statement_timestamp() + $3::double precision * interval '1 millisecond'";

export function postgresStatements({ sql: table }: TableName): PostgresStatements {
  return {
    // One statement: take the key when it is new or its lease or retention is over, and
    // otherwise say which. ON CONFLICT waits for a concurrent insert of the same key and then
    // re-checks its WHERE against the committed row, so of many concurrent claims one wins. A
    // row the outer SELECT cannot see yet (inserted after this statement's snapshot) is a claim
    // just made elsewhere: in progress.
    claim: `WITH claimed AS (
  INSERT INTO ${table} AS held (key, token, completed, expires_at) VALUES ($1, $2, false, ${EXPIRES})
  ON CONFLICT (key) DO UPDATE SET token = excluded.token, completed = false, expires_at = excluded.expires_at
  WHERE held.expires_at <= statement_timestamp()
  RETURNING 1
)
SELECT CASE
  WHEN EXISTS (SELECT 1 FROM claimed) THEN 'claimed'
  WHEN (SELECT completed FROM ${table} WHERE key = $1) THEN 'completed'
  ELSE 'in_progress'
END AS result`,
    // Recorded unless another token holds a live claim: a lapsed lease that nobody took over
    // (or a row swept meanwhile) was still processed. An existing completion is left as it is.
    complete: `WITH done AS (
  INSERT INTO ${table} AS held (key, token, completed, expires_at) VALUES ($1, $2, true, ${EXPIRES})
  ON CONFLICT (key) DO UPDATE SET token = excluded.token, completed = true, expires_at = excluded.expires_at
  WHERE (held.token = excluded.token AND NOT held.completed) OR held.expires_at <= statement_timestamp()
  RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM done)
  OR EXISTS (SELECT 1 FROM ${table} WHERE key = $1 AND completed AND expires_at > statement_timestamp()) AS recorded`,
    // Inside the handler's transaction: only the caller's own claim becomes done. If the claim
    // passed to another token, nothing is returned and the transaction must roll back, or the
    // effects would be applied by both.
    markDone: `INSERT INTO ${table} AS held (key, token, completed, expires_at) VALUES ($1, $2, true, ${EXPIRES})
ON CONFLICT (key) DO UPDATE SET completed = true, expires_at = excluded.expires_at
WHERE held.token = excluded.token AND NOT held.completed
RETURNING 1`,
    release: `DELETE FROM ${table} WHERE key = $1 AND token = $2 AND NOT completed`,
    // SKIP LOCKED: a sweep never waits for, nor blocks, a claim or completion in flight.
    purge: `DELETE FROM ${table} WHERE key IN (
  SELECT key FROM ${table} WHERE expires_at <= statement_timestamp() LIMIT $1 FOR UPDATE SKIP LOCKED
)`,
  };
}
