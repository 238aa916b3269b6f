import { DedupeError } from '../core/errors.js';

/**
 * Where a key comes from: a verified delivery (its `sender` and `id`) satisfies this, so
 * `run(delivery, ...)` needs no mapping. The key is `"<sender>:<id>"`, so senders sharing one
 * store never collide.
 *
 * @example
 * ```ts
 * import { createDeduplicator, type DedupeKeySource } from 'hookverify/dedupe';
 *
 * const dedupe = createDeduplicator();
 * const source: DedupeKeySource = { sender: 'peridio', id: event.prn };
 * await dedupe.run(source, () => handle(event));
 * ```
 */
export interface DedupeKeySource {
  readonly sender: string;
  readonly id: string | undefined;
}

/** The store key of a delivery, or a key string used as given; a missing id is a typed error. */
export function dedupeKeyOf(source: DedupeKeySource | string): string {
  if (typeof source === 'string') {
    if (source.length > 0) return source;
  } else if (source !== null && typeof source === 'object' && typeof source.id === 'string' && source.id.length > 0) {
    // join() builds one flat string; a template literal builds a rope that, once hashed by a
    // store, keeps both its flattened copy and its own header (24 bytes more per key held).
    return [source.sender, source.id].join(':');
  }
  throw new DedupeError(
    'missing_dedupe_key',
    typeof source === 'object' && source !== null
      ? `the ${String(source.sender)} delivery has no id to deduplicate on; give its sender an \`id\` (header, body field, body digest or function)`
      : 'the dedupe key is empty',
  );
}
