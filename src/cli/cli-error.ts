/**
 * Exit codes of the `hookverify` executable. Stable: scripts may rely on them.
 *
 * - 0: success (`verify`: the delivery verifies; `send`: every delivery got a 2xx answer).
 * - 1: the check itself failed (`verify`: the delivery is refused; `send`: some answer was not 2xx).
 * - 2: usage error (unknown command, option, sender or event type; missing argument).
 * - 3: input error (a file or environment variable that cannot be read, a secret that cannot be
 *   decoded), or output that cannot be written (a full disk).
 * - 4: network error (`send`: a request could not be made or timed out).
 * - 70: internal error, a bug (sysexits' EX_SOFTWARE): any exception not foreseen above.
 *
 * The same list is in `hookverify --help` and the README; test/cli/index.test.ts keeps them in step.
 */
export const EXIT_CODES = { ok: 0, failed: 1, usage: 2, input: 3, network: 4, internal: 70 } as const;

/** The exits every command shares, appended to each command's own list in its --help. */
export const COMMON_EXIT_HELP = 'Any command: 3 when the output cannot be written, 70 on an internal error (a bug: please report it).';

/** What went wrong, in a word scripts can `switch` on; mirrors the exit code. */
export type CliErrorCode = 'usage' | 'input' | 'network';

/** A problem the user can fix; its message is printed as is, so it never holds a secret. */
export class CliError extends Error {
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'CliError';
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export function usageError(message: string): CliError {
  return new CliError('usage', message);
}

export function inputError(message: string): CliError {
  return new CliError('input', message);
}
