import * as z from 'zod/mini';
import { looseObject } from '../../../events/loose-object.js';
import { dateTimeSchema } from '../../../events/date-time-schema.js';
import { prnSchema } from './prn-schema.js';

export const cohortSchema = looseObject({
  cohort_prn: prnSchema,
  cohort_name: z.nullish(z.string()),
});

export const deviceSchema = looseObject({
  prn: prnSchema,
  identifier: z.string(),
  cohort: z.nullish(cohortSchema),
});

export const releaseSchema = looseObject({
  prn: prnSchema,
  version: z.string(),
  /** False when the device reported a release Peridio does not know. */
  known: z.optional(z.boolean()),
});

export const bundleSchema = looseObject({
  prn: prnSchema,
  name: z.nullish(z.string()),
  known: z.optional(z.boolean()),
});

export const certificateSchema = looseObject({
  fingerprint: z.nullish(z.string()),
  common_name: z.nullish(z.string()),
});

export const ipAddressSchema = z.union([z.ipv4(), z.ipv6()]);

/**
 * Where Peridio's guide and its OpenAPI description show different members for the same thing,
 * both are optional members of one object and at least one must be present. (A union of two
 * loose objects would type neither member usefully: each side's index signature admits the
 * other's key as `unknown`.) JSON Schema gets the same rule as `anyOf` / `required`.
 */
export function requireOneOf<Schema extends z.ZodMiniObject>(schema: Schema, members: readonly string[]): Schema {
  const rule = `expected ${members.map((member) => `"${member}"`).join(' or ')}`;
  const checked = schema.check(
    z.refine((value) => members.some((member) => Object.prototype.hasOwnProperty.call(value, member)), { error: rule }),
  );
  // The registry's metadata type depends on the schema's, which a type parameter leaves open.
  (checked as z.ZodMiniObject).register(z.globalRegistry, { anyOf: members.map((member) => ({ required: [member] })) });
  return checked;
}

/** `release-changed` -> `release_changed`, at the type level. */
type Underscored<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Underscored<Tail>}` : S;

/**
 * The envelope every Peridio event shares. `data.type` is accepted in both of Peridio's
 * spellings (the guide's hyphens, the reference's underscores), and kept as sent.
 */
export function peridioEnvelope<const Category extends string, const Subtype extends string, Data extends z.ZodMiniType>(
  category: Category,
  subtype: Subtype,
  data: Data,
) {
  const underscored = subtype.replaceAll('-', '_') as Underscored<Subtype>;
  const spellings = underscored === subtype ? [subtype] : [underscored, subtype];
  return looseObject({
    // Always 1 today; a number rather than the literal so that a version bump with an
    // unchanged shape does not stop a receiver.
    version: z.number().check(z.int(), z.positive()),
    prn: prnSchema,
    type: z.literal(category),
    inserted_at: dateTimeSchema,
    data: looseObject({
      type: z.enum(spellings as [Underscored<Subtype> | Subtype, ...(Underscored<Subtype> | Subtype)[]]),
      data,
    }),
  });
}
