import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { github } from './sender.js';

/**
 * Creates a verifier for GitHub webhook deliveries. GitHub signs no timestamp: receive it with
 * dedupe (`createWebhookReceiver({ verifier, dedupe })`), keyed on the body digest it reports as
 * `delivery.id`.
 *
 * @example
 * ```ts
 * import { createGitHubVerifier } from 'hookverify/github';
 *
 * const verifier = createGitHubVerifier({ secret: process.env.GITHUB_WEBHOOK_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.eventType, delivery.replayable); // "push", true
 * ```
 */
export function createGitHubVerifier(options: VerifierOptions): Verifier {
  return createVerifier(github, options);
}
