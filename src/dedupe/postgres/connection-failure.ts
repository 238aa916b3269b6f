/**
 * Whether an error means the database could not be reached or went away (so the answer is
 * 503 `store_unavailable`), rather than that it refused a statement. pg gives server errors a
 * SQLSTATE `code` and a `severity`; classes 08 (connection exception) and 57P (shutdown,
 * crash, starting up) are the server going away. Anything else without a SQLSTATE is a socket
 * error or a timeout.
 */
export function isConnectionFailure(error: unknown): boolean {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || typeof severity !== 'string') return true;
  return code.startsWith('08') || code.startsWith('57P');
}
