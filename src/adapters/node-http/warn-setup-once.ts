import { ConfigurationError } from '../../core/errors.js';

/**
 * Returns a function that prints a setup error's message (which says how to fix the setup) the
 * first time it sees one, and never again: the answer to every such request is the pipeline's
 * 500 `body_already_parsed`, but the developer needs to read the fix once, not once per delivery.
 * The messages name the route's path and the fix, never a body, a header value or a secret.
 */
export function warnSetupOnce(): (error: unknown) => void {
  let warned = false;
  return (error) => {
    if (warned || !(error instanceof ConfigurationError)) return;
    warned = true;
    console.warn(`hookverify: ${error.message}`);
  };
}
