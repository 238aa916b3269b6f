import type { ComputedId, IdContext } from '../types.js';

/** A custom id function as a computed id: it sees the verified payload and the headers. */
export function idFunction(compute: (context: IdContext) => string | undefined): ComputedId {
  return Object.freeze({
    kind: 'function',
    label: 'the id function',
    compute: (context: IdContext) => {
      const id = compute(context);
      return typeof id === 'string' && id.length > 0 ? id : undefined;
    },
  });
}
