/** True for a promise (or any thenable): backends answer synchronously where they can. */
export function isPromise<T>(value: unknown): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}
