import { expectTypeOf, test } from 'vitest';
import { peridio } from '../../src/senders/peridio/index.js';
import { signDelivery } from '../../src/testing/index.js';

test('a signed delivery can be passed to fetch as it is, as the README shows', async () => {
  const signed = await signDelivery(peridio, { secret: '0123456789ABCDEF0123456789ABCDEF', body: { type: 'ping' } });
  expectTypeOf(signed.body).toExtend<NonNullable<RequestInit['body']>>();
  expectTypeOf(signed.headers).toExtend<NonNullable<RequestInit['headers']>>();
});
