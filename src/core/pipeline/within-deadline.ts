/**
 * `work`'s outcome, or `late` once `ms` have passed: resolved with it, or rejected with it when
 * `rejectLate`. One promise and one timer, cleared as soon as `work` settles: a
 * `Promise.race` with a `.finally` costs more promises per request, and this runs on every one.
 */
export function withinDeadline<T, Late>(work: T | Promise<T>, ms: number, late: Late, rejectLate = false): Promise<T | Late> {
  return new Promise<T | Late>((resolve, reject) => {
    const timer = setTimeout(rejectLate ? reject : resolve, ms, late);
    Promise.resolve(work).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
