import { RECEIVER_STATUS, isAcknowledged, type ReceiverOutcomeCode } from './outcome-codes.js';
import type { ReceiverResponse } from './received-request.js';

const JSON_HEADERS = Object.freeze({ 'content-type': 'application/json', 'cache-control': 'no-store' });
// 405 must say which method is allowed (RFC 9110, section 15.5.6).
const NOT_ALLOWED_HEADERS = Object.freeze({ ...JSON_HEADERS, allow: 'POST' });
// 415 for a content coding says which codings would do (RFC 9110, section 15.5.16): none.
const UNENCODED_HEADERS = Object.freeze({ ...JSON_HEADERS, 'accept-encoding': 'identity' });

function build(code: ReceiverOutcomeCode): ReceiverResponse {
  const status = RECEIVER_STATUS[code];
  // The body carries the code only: messages can name headers or paths, which a prober could use.
  const body = JSON.stringify(isAcknowledged(code) ? { status: code } : { error: code });
  const headers =
    code === 'method_not_allowed' ? NOT_ALLOWED_HEADERS : code === 'unsupported_encoding' ? UNENCODED_HEADERS : JSON_HEADERS;
  return Object.freeze({ status, headers, body });
}

const responses = new Map<ReceiverOutcomeCode, ReceiverResponse>();
for (const code of Object.keys(RECEIVER_STATUS) as ReceiverOutcomeCode[]) responses.set(code, build(code));

/** The response for an outcome code; the same frozen object every time. */
export function responseFor(code: ReceiverOutcomeCode): ReceiverResponse {
  return responses.get(code)!;
}
