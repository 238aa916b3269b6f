import type pg from 'pg';
import { describe, expectTypeOf, it } from 'vitest';
import { createWebhookReceiver, type DedupeRunner, type DeliveryContext } from '../../../src/index.js';
import {
  createPostgresDeduplicator,
  type PostgresClientOf,
  type PostgresTransactionScope,
} from '../../../src/dedupe/postgres/index.js';
import { createPeridioVerifier } from '../../../src/senders/peridio/verifier.js';
import { peridioEvents } from '../../../src/senders/peridio/events/index.js';

declare const pool: pg.Pool;
const verifier = createPeridioVerifier({ secret: '5F2D0B5C4A1E49E6B0A6C3D1E2F40718' });

describe('createPostgresDeduplicator types', () => {
  it('types tx as the pool’s own client, past pg.Pool’s callback overload of connect', () => {
    expectTypeOf<PostgresClientOf<pg.Pool>>().toEqualTypeOf<pg.PoolClient>();
    const dedupe = createPostgresDeduplicator({ pool });
    expectTypeOf(dedupe).toExtend<DedupeRunner<PostgresTransactionScope<pg.PoolClient>>>();
  });

  it('gives the receiver’s handler the delivery context plus tx', () => {
    createWebhookReceiver({
      verifier,
      events: peridioEvents,
      dedupe: createPostgresDeduplicator({ pool }),
      handle: (_event, context) => {
        expectTypeOf(context).toEqualTypeOf<DeliveryContext & PostgresTransactionScope<pg.PoolClient>>();
        expectTypeOf(context.tx).toEqualTypeOf<pg.PoolClient>();
      },
    });
  });
});
