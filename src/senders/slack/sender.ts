import { trustedHmac } from '../../core/scheme/algorithms/hmac.js';
import { formBody } from '../../core/scheme/bodies/form-body.js';
import { assembleSender } from '../../core/scheme/assemble-sender.js';
import { hex } from '../../core/scheme/encodings/hex.js';
import { bodyDigest } from '../../core/scheme/ids/body-digest.js';
import { utf8Secret } from '../../core/scheme/keys/utf8-secret.js';
import { trustedSignatureHeader } from '../../core/scheme/signatures/signature-header.js';
import { body } from '../../core/scheme/sources/body.js';
import { trustedBodyField } from '../../core/scheme/sources/body-field.js';
import { trustedHeader } from '../../core/scheme/sources/header.js';
import { unixSeconds } from '../../core/scheme/timestamps/unix-seconds.js';

const requestTimestamp = /* @__PURE__ */ trustedHeader('x-slack-request-timestamp');
// Both kinds of request are signed alike; one signature each (`@slack/bolt` 5.1
// `verifySlackRequest` splits `v0=` off once).
const signing = {
  signatures: /* @__PURE__ */ trustedSignatureHeader({ header: 'x-slack-signature', prefix: 'v0=', encoding: hex }),
  signed: ['v0:', requestTimestamp, ':', body],
  algorithm: /* @__PURE__ */ trustedHmac('sha256', utf8Secret),
  timestamp: /* @__PURE__ */ unixSeconds(requestTimestamp),
} as const;

/**
 * Slack's Events API: `X-Slack-Signature: v0=<hex>`, an HMAC-SHA256 of
 * `v0:<X-Slack-Request-Timestamp>:<raw body>` keyed with the app's signing secret as UTF-8
 * text. The replay window is the 5 minutes of `@slack/bolt` 5.1 (which checks the past only,
 * hookverify both ways). The dedupe id is the signed body's `event_id`, the same on Slack's
 * retries (`X-Slack-Retry-Num` is not signed and not read); the event type is `event.type`. A
 * `url_verification` request is signed the same way and has neither.
 *
 * @example
 * ```ts
 * import { slack } from 'hookverify/slack';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(slack, { secret: process.env.SLACK_SIGNING_SECRET });
 * ```
 */
export const slack = /* @__PURE__ */ assembleSender({
  name: 'slack',
  ...signing,
  id: trustedBodyField('event_id'),
  eventType: trustedBodyField('event.type'),
});

/**
 * Slack slash commands and interactivity, which post forms (`application/x-www-form-urlencoded`;
 * interactivity's JSON is in the `payload` field) signed exactly like {@link slack}. `payload`
 * is the decoded form; the dedupe id is the body's SHA-256, since no form field is an id that
 * every such request carries.
 *
 * @example
 * ```ts
 * import { slackCommands } from 'hookverify/slack';
 * import { createVerifier } from 'hookverify';
 *
 * const verifier = createVerifier(slackCommands, { secret: process.env.SLACK_SIGNING_SECRET });
 * const { payload } = await verifier.verify({ body: rawBody, headers: request.headers });
 * console.log((payload as Record<string, string>).command); // "/weather"
 * ```
 */
export const slackCommands = /* @__PURE__ */ assembleSender({
  name: 'slack-commands',
  ...signing,
  id: bodyDigest,
  body: formBody,
});
