// The events of seed 003's vendor, described with the same public API hookverify's own Peridio
// and EdgeSense catalogs use. Envelope: { id: "evt_abc123", type: "user.created",
// created_at: "...", data: { ... } }. Only user.created's data is documented; the rest is typed
// as far as the guide goes and kept open (loose objects keep members the schema does not name).
import { z } from 'zod';
import { dateTimeSchema, defineCatalog } from 'hookverify/events';
import { acmeUsers } from '../custom-senders/acme-users.js';

function acmeEvent<const Type extends string, Data extends z.ZodType>(type: Type, data: Data) {
  return z.looseObject({ id: z.string().min(1), type: z.literal(type), created_at: dateTimeSchema, data });
}

const user = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  status: z.string().optional(),
});
const withId = z.looseObject({ id: z.string() });

export const acmeEvents = defineCatalog({
  name: 'acme-users',
  sender: acmeUsers,
  eventType: 'type',
  events: {
    'user.created': acmeEvent('user.created', user.required({ name: true, email: true })),
    'user.updated': acmeEvent('user.updated', user),
    'user.deleted': acmeEvent('user.deleted', withId),
    'project.created': acmeEvent('project.created', withId),
    'project.updated': acmeEvent('project.updated', withId),
    'project.deleted': acmeEvent('project.deleted', withId),
    'file.uploaded': acmeEvent('file.uploaded', withId),
    'payment.succeeded': acmeEvent('payment.succeeded', withId),
    'payment.failed': acmeEvent('payment.failed', withId.extend({ failure_reason: z.string().optional() })),
  },
});
