import * as z from 'zod/mini';
import { looseObject } from '../../../events/loose-object.js';
import { peridioEnvelope, requireOneOf } from './common-schemas.js';
import { prnSchema } from './prn-schema.js';

export const apiKeyCreatedSchema = peridioEnvelope(
  'api_key',
  'created',
  // The guide shows the key itself; the OpenAPI description its PRN and its creator's.
  requireOneOf(
    looseObject({
      api_key: z.optional(looseObject({ prn: prnSchema, name: z.nullish(z.string()) })),
      api_key_prn: z.optional(prnSchema),
      creator_prn: z.nullish(prnSchema),
    }),
    ['api_key', 'api_key_prn'],
  ),
);
