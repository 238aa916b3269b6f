import { check } from './check.js';
import type { BodyKind, IdSource, ValueSource } from './types.js';

/**
 * The body-field rule, for the composer and for a verifier that overrides the body kind: a
 * field can be read only from a body kind that has fields.
 */
export function checkBodyFields(sources: readonly (ValueSource | IdSource | undefined)[], body: BodyKind): void {
  for (const source of sources) {
    check(source?.kind !== 'body-field' || body.hasFields, `${source?.label} needs a JSON or form body, and this sender's body is "${body.name}"`);
  }
}
