import { exceedsLimit, toBodyData, type BodyData } from '../body.js';
import { HookverifyError } from '../errors.js';
import { readHeader } from '../headers.js';
import type { ReceivedRequest } from './received-request.js';
import { withinDeadline } from './within-deadline.js';

/** Why no body could be had: each maps to an outcome code. */
export type BodyProblem =
  | { readonly code: 'body_too_large'; readonly message: string }
  | { readonly code: 'body_timeout'; readonly message: string }
  | { readonly code: 'body_already_parsed'; readonly message: string; readonly error?: unknown }
  | { readonly code: 'invalid_body'; readonly message: string; readonly error: unknown };

const DIGITS = /^\d+$/;

const TOO_LARGE = (limit: number): BodyProblem => ({
  code: 'body_too_large',
  message: `the body is larger than ${limit} bytes`,
});

const TIMED_OUT = Symbol('body read timed out');

/**
 * Runs `read` with a signal that aborts after `ms`, and resolves to `TIMED_OUT` then. Raced
 * rather than left to the reader: one that ignores its signal must not hold the answer (and
 * the sender's connection) past the deadline either.
 */
async function beforeDeadline<T>(read: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  const abandon = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      resolve(TIMED_OUT);
      abandon.abort(new Error(`the body did not arrive within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([read(abandon.signal), deadline]);
  } catch (error) {
    // A reader that gave up because it was told to: the deadline, not a broken body.
    if (abandon.signal.aborted) return TIMED_OUT;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Gets the raw body within the limit and the deadline. A declared `content-length` over the
 * limit is refused before a byte is read; a reader stops at the limit, and is told to give up
 * (its signal aborts) once `timeoutMs` have passed; bytes already in memory are measured.
 * Nothing here hashes or parses.
 */
export async function readLimitedBody(request: ReceivedRequest, limit: number, timeoutMs: number): Promise<BodyData | BodyProblem> {
  const source = request.body;
  if (typeof source === 'function') {
    const declared = readHeader(request.headers, 'content-length');
    if (typeof declared === 'string' && DIGITS.test(declared) && Number(declared) > limit) return TOO_LARGE(limit);
    let raw: unknown;
    try {
      // On Node an AbortController costs about as much as the rest of the pipeline around a 1 KB
      // delivery, so only a reader that declares the signal parameter gets one.
      raw = await (source.length >= 2 ? beforeDeadline((signal) => source(limit, signal), timeoutMs) : withinDeadline(source(limit), timeoutMs, TIMED_OUT));
    } catch (error) {
      if (error instanceof HookverifyError && error.code === 'body_already_parsed') {
        return { code: 'body_already_parsed', message: error.message, error };
      }
      // A reader may say "too large" by rejecting, as readRequestBody of hookverify/fetch does.
      if (error instanceof HookverifyError && error.code === 'body_too_large') return TOO_LARGE(limit);
      return { code: 'invalid_body', message: 'the body could not be read (the client may have gone away)', error };
    }
    if (raw === TIMED_OUT) return { code: 'body_timeout', message: `the body did not arrive within ${timeoutMs} ms; the read was abandoned` };
    if (raw === undefined) return TOO_LARGE(limit);
    return check(raw, limit);
  }
  return check(source, limit);
}

function check(raw: unknown, limit: number): BodyData | BodyProblem {
  const body = toBodyData(raw);
  if (body === undefined) {
    return {
      code: 'body_already_parsed',
      message: 'the body is not raw bytes or a string: it was parsed before hookverify saw it; pass the raw bytes',
    };
  }
  return exceedsLimit(body, limit) ? TOO_LARGE(limit) : body;
}
