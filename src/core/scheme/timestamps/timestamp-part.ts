import { ConfigurationError } from '../../errors.js';
import type { TimestampPart, ValueSource } from '../types.js';

/** A frozen timestamp part, once its source is known to be a source. */
export function timestampPart(source: ValueSource, format: TimestampPart['format'], parse: TimestampPart['parse']): TimestampPart {
  if (typeof (source as { key?: unknown } | null)?.key !== 'string') {
    throw new ConfigurationError('invalid_option', `${format}() needs the source of the time: header(...), a parameter or bodyField(...)`);
  }
  return Object.freeze({ source, format, parse });
}
