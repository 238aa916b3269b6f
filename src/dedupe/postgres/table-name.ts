import { ConfigurationError } from '../../core/errors.js';

/** Where the store keeps its rows unless told otherwise. */
export const DEFAULT_TABLE = 'hookverify_dedupe';

// Lower case only, so that the quoted name means what the unquoted one would; 48 characters
// leaves room for the index name's suffix within PostgreSQL's 63.
const PART = /^[a-z_][a-z0-9_]{0,47}$/;

/** A checked table name, quoted for SQL, with the name of its expiry index. */
export interface TableName {
  /** `"schema"."table"` or `"table"`. */
  readonly sql: string;
  /** The index on `expires_at`, in the table's schema, quoted. */
  readonly expiryIndex: string;
  /** The name as given, for advisory-lock keys and messages. */
  readonly plain: string;
}

/**
 * Checks a table name (`table` or `schema.table`, lower-case letters, digits and `_`) before
 * it goes into SQL: identifiers cannot be bound as parameters, so none from outside may reach
 * a statement unchecked.
 */
export function tableName(value: string | undefined): TableName {
  const plain = value ?? DEFAULT_TABLE;
  const parts = typeof plain === 'string' ? plain.split('.') : [];
  if (parts.length < 1 || parts.length > 2 || !parts.every((part) => PART.test(part))) {
    throw new ConfigurationError(
      'invalid_option',
      `table must be "name" or "schema.name" of lower-case letters, digits and _ (at most 48 each); got ${JSON.stringify(String(value))}`,
    );
  }
  const quoted = parts.map((part) => `"${part}"`);
  return { sql: quoted.join('.'), expiryIndex: `"${parts.at(-1)}_expires_at"`, plain };
}
