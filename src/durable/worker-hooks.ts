/** Runs a user's logging hook; one that throws must not change what happens to the job. */
export function safely(hook: (() => void) | undefined): void {
  try {
    hook?.();
  } catch {
    // Ignored on purpose: see above.
  }
}

/** Engines record an Error's message as the failure reason; a thrown non-Error gets one. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
