/**
 * Turns a dedupe key (`"<sender>:<id>"`) into a job id that queues accept, reversibly. BullMQ
 * refuses ids containing `:` (it reserves them for repeatable jobs) and Peridio's ids are PRNs,
 * full of `:`; escaping `%` as well as `:` keeps the mapping one-to-one, so two keys never share
 * a job id and {@link decodeJobId} gives back the key exactly. A key always contains the `:`
 * after its sender, so its job id always contains `%3A` and is never a bare integer, which
 * BullMQ also refuses.
 *
 * @example
 * ```ts
 * import { encodeJobId } from 'hookverify/durable';
 *
 * encodeJobId('peridio:prn:1:be4d30b4-de6b-47cd-85ea-a75e23fd63ef:event:1');
 * // 'peridio%3Aprn%3A1%3Abe4d30b4-de6b-47cd-85ea-a75e23fd63ef%3Aevent%3A1'
 * ```
 */
export function encodeJobId(key: string): string {
  return key.replace(/[%:]/g, (character) => (character === '%' ? '%25' : '%3A'));
}

/**
 * The dedupe key a job id was made from by {@link encodeJobId}; `undefined` for text that
 * {@link encodeJobId} cannot have produced (a stray `%`, a bare `:`), such as another
 * producer's job id.
 *
 * @example
 * ```ts
 * import { decodeJobId } from 'hookverify/durable';
 *
 * decodeJobId('peridio%3Aprn%3A1%3Aevent'); // 'peridio:prn:1:event'
 * decodeJobId('job:1');                     // undefined
 * ```
 */
export function decodeJobId(jobId: string): string | undefined {
  if (!/^(?:[^%:]|%25|%3A)*$/.test(jobId)) return undefined;
  return jobId.replace(/%25|%3A/g, (escape) => (escape === '%25' ? '%' : ':'));
}
