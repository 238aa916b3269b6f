// The Node servers' logger. console.log writes each line to stdout with a blocking system call;
// at two lines per webhook that was much of what the example routes cost over HTTP
// (bench/RESULTS.notes.md). pino's asynchronous destination writes in the background, joins the
// lines logged meanwhile into one write, and flushes the rest when the process exits.
import { pino } from 'pino';

const logger = pino({ base: undefined }, pino.destination({ sync: false }));

/** One JSON log line: a `Log` for the shared receivers (examples/shared/receivers.ts). */
export function nodeLog(fields: Record<string, unknown>, message?: string): void {
  logger.info(fields, message);
}
