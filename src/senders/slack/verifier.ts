import { createVerifier, type Verifier, type VerifierOptions } from '../../core/verifier.js';
import { slack, slackCommands } from './sender.js';

/**
 * Creates a verifier for Slack Events API requests. Build it once at startup and share it.
 *
 * @example
 * ```ts
 * import { createSlackVerifier } from 'hookverify/slack';
 *
 * const verifier = createSlackVerifier({ secret: process.env.SLACK_SIGNING_SECRET });
 * const delivery = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log(delivery.id, delivery.eventType); // "Ev0PV52K21", "app_mention"
 * ```
 */
export function createSlackVerifier(options: VerifierOptions): Verifier {
  return createVerifier(slack, options);
}

/**
 * Creates a verifier for Slack slash commands and interactivity requests (form bodies).
 *
 * @example
 * ```ts
 * import { createSlackCommandsVerifier } from 'hookverify/slack';
 *
 * const verifier = createSlackCommandsVerifier({ secret: process.env.SLACK_SIGNING_SECRET });
 * const { payload } = await verifier.verify({ body: rawBody, headers: request.headers });
 * ```
 */
export function createSlackCommandsVerifier(options: VerifierOptions): Verifier {
  return createVerifier(slackCommands, options);
}
