import { z } from 'zod';
import { peridioEnvelope } from './common-schemas.js';
import { prnSchema } from './prn-schema.js';

export const apiKeyCreatedSchema = peridioEnvelope(
  'api_key',
  'created',
  // The guide shows the key itself; the OpenAPI description its PRN and its creator's.
  z.union([
    z.looseObject({ api_key: z.looseObject({ prn: prnSchema, name: z.string().nullable().optional() }) }),
    z.looseObject({ api_key_prn: prnSchema, creator_prn: prnSchema.nullable().optional() }),
  ]),
);
