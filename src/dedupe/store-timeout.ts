import { isPromise } from '../core/is-promise.js';
import type { MaybePromise } from './store.js';

const TIMED_OUT = Symbol('timed out');

/**
 * Runs one store operation, failing it after `timeoutMs`: a hung connection must not hold the
 * sender's request forever. A synchronous answer passes straight through, allocating nothing.
 */
export function withStoreTimeout<T>(operation: () => MaybePromise<T>, timeoutMs: number): MaybePromise<T> {
  const pending = operation();
  if (!isPromise<T>(pending)) return pending;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, TIMED_OUT);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([pending, timeout]).then((value) => {
    clearTimeout(timer);
    if (value === TIMED_OUT) throw new Error(`the dedupe store did not answer within ${timeoutMs} ms`);
    return value;
  });
}
