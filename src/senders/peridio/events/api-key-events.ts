import { z } from 'zod';
import { peridioEnvelope, requireOneOf } from './common-schemas.js';
import { prnSchema } from './prn-schema.js';

export const apiKeyCreatedSchema = peridioEnvelope(
  'api_key',
  'created',
  // The guide shows the key itself; the OpenAPI description its PRN and its creator's.
  requireOneOf(
    z.looseObject({
      api_key: z.looseObject({ prn: prnSchema, name: z.string().nullable().optional() }).optional(),
      api_key_prn: prnSchema.optional(),
      creator_prn: prnSchema.nullable().optional(),
    }),
    ['api_key', 'api_key_prn'],
  ),
);
