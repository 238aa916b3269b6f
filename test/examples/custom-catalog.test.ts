// examples/custom-catalog is user code: it imports only `hookverify` (the built package, by its
// own name). It is loaded through a computed path so that the root typecheck, which runs before
// the build, does not need dist/; the last test type-checks it against the built declarations.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Sender } from '../../src/core/sender.js';
import type { AnyCatalog } from '../../src/events/index.js';
import { signDelivery } from '../../src/testing/index.js';
import { ensureBuiltPackage } from '../helpers/ensure-built.js';

const DIR = new URL('../../examples/custom-catalog/', import.meta.url);

// Before the example is loaded below: it imports the built package.
await ensureBuiltPackage();

const load = async <T>(name: string): Promise<T> => (await import(/* @vite-ignore */ new URL(`${name}.ts`, DIR).pathname)) as T;

type Endpoint = (secret: string, report: (line: string) => void) => (request: Request) => Promise<Response>;
const { acmeEvents } = await load<{ acmeEvents: AnyCatalog }>('acme-events');
const { shippingEvents } = await load<{ shippingEvents: AnyCatalog }>('shipping-events');
const { createAcmeEndpoint, createShippingEndpoint } = await load<{ createAcmeEndpoint: Endpoint; createShippingEndpoint: Endpoint }>(
  'endpoints',
);

const SECRET = 'whsec_abc123';
const now = () => new Date().toISOString();

async function post(handler: (request: Request) => Promise<Response>, sender: Sender, body: unknown, secret = SECRET) {
  const signed = await signDelivery(sender, { secret, body });
  const response = await handler(new Request('http://127.0.0.1/webhooks', { method: 'POST', body: signed.body as BodyInit, headers: signed.headers }));
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('example: seed 003 vendor (id, type, created_at, data)', () => {
  // The guide's example payload, with a fresh created_at (it is the replay window's clock).
  const userCreated = () => ({
    id: 'evt_abc123',
    type: 'user.created',
    created_at: now(),
    data: { id: 'user_123', name: 'John Doe', email: 'john@example.com', status: 'active' },
  });

  it('parses every event of the guide, canonical name = the vendor type', () => {
    const types = ['user.created', 'user.updated', 'user.deleted', 'project.created', 'project.updated', 'project.deleted', 'file.uploaded', 'payment.succeeded', 'payment.failed'];
    expect(acmeEvents.eventNames).toEqual(types);
    for (const type of types) {
      const payload = { id: `evt_${type}`, type, created_at: now(), data: { id: 'x', name: 'n', email: 'e', extra: [1] } };
      expect(acmeEvents.parse(payload)).toEqual({ ok: true, event: { name: type, payload, unknown: false } });
    }
  });

  it('routes user.created to its typed handler, with the delivery id from the body', async () => {
    const lines: string[] = [];
    const endpoint = createAcmeEndpoint(SECRET, (line) => lines.push(line));
    expect(await post(endpoint, acmeEvents.sender!, userCreated())).toEqual({ status: 200, body: { status: 'processed' } });
    expect(lines).toEqual(['welcome john@example.com (user_123) from evt_abc123']);
  });

  it('processes a retry of the same event id once', async () => {
    const lines: string[] = [];
    const endpoint = createAcmeEndpoint(SECRET, (line) => lines.push(line));
    const event = userCreated();
    await post(endpoint, acmeEvents.sender!, event);
    expect(await post(endpoint, acmeEvents.sender!, event)).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await post(endpoint, acmeEvents.sender!, { ...event, id: 'evt_other' })).toMatchObject({ body: { status: 'processed' } });
    expect(lines).toHaveLength(2);
  });

  it('sends unhandled and unknown events to the catch-alls', async () => {
    const lines: string[] = [];
    const endpoint = createAcmeEndpoint(SECRET, (line) => lines.push(line));
    await post(endpoint, acmeEvents.sender!, { id: 'evt_1', type: 'payment.failed', created_at: now(), data: { id: 'pay_9', failure_reason: 'card_declined' } });
    await post(endpoint, acmeEvents.sender!, { id: 'evt_2', type: 'project.created', created_at: now(), data: { id: 'p1' } });
    await post(endpoint, acmeEvents.sender!, { id: 'evt_3', type: 'invoice.paid', created_at: now(), data: {} });
    expect(lines).toEqual(['payment pay_9 failed: card_declined', 'ignored project.created', 'unknown invoice.paid']);
  });

  it('refuses a known event missing a required member, naming the path, and runs no handler', async () => {
    const lines: string[] = [];
    const endpoint = createAcmeEndpoint(SECRET, (line) => lines.push(line));
    const event = userCreated();
    const { email: _email, ...data } = event.data;
    expect(await post(endpoint, acmeEvents.sender!, { ...event, data })).toEqual({ status: 400, body: { error: 'invalid_event' } });
    expect(acmeEvents.parse({ ...event, data })).toMatchObject({ ok: false, issues: [{ path: 'data.email' }] });
    expect(lines).toEqual([]);
  });

  it('refuses a delivery signed with another secret before parsing it', async () => {
    const lines: string[] = [];
    const endpoint = createAcmeEndpoint(SECRET, (line) => lines.push(line));
    expect(await post(endpoint, acmeEvents.sender!, userCreated(), 'whsec_other')).toEqual({ status: 401, body: { error: 'invalid_signature' } });
    expect(lines).toEqual([]);
  });
});

describe('example: seed 004 vendor (event, data, timestamp)', () => {
  // The guide's example, signature member included, with a fresh timestamp.
  const shipmentCreated = () => ({
    event: 'shipment.created',
    data: { id: 'ship_123', status: 'created', created_at: '2024-01-15T10:30:00Z' },
    timestamp: now(),
    signature: 'abcdef1234567890',
  });

  it('routes every event exhaustively, keeping unknown members', async () => {
    const lines: string[] = [];
    const endpoint = createShippingEndpoint(SECRET, (line) => lines.push(line));
    const created = shipmentCreated();
    expect(await post(endpoint, shippingEvents.sender!, created)).toEqual({ status: 200, body: { status: 'processed' } });
    await post(endpoint, shippingEvents.sender!, { event: 'shipment.updated', data: { id: 'ship_123', status: 'in_transit' }, timestamp: now() });
    await post(endpoint, shippingEvents.sender!, { event: 'user.created', data: { id: 'u1' }, timestamp: now() });
    expect(lines).toEqual(['shipment ship_123 created (created)', 'shipment ship_123 is now in_transit', 'user u1 created']);
    expect(shippingEvents.parse(created)).toMatchObject({ ok: true, event: { payload: { signature: 'abcdef1234567890' } } });
  });

  it('dedupes on a digest of the raw body: a retry is a duplicate, another update of the same shipment is not', async () => {
    const lines: string[] = [];
    const endpoint = createShippingEndpoint(SECRET, (line) => lines.push(line));
    const update = { event: 'user.updated', data: { id: 'u1' }, timestamp: now() };
    const signed = await signDelivery(shippingEvents.sender!, { secret: SECRET, body: update });
    const send = () => endpoint(new Request('http://127.0.0.1/', { method: 'POST', body: signed.body as BodyInit, headers: signed.headers }));
    expect((await (await send()).json()) as unknown).toEqual({ status: 'processed' });
    expect((await (await send()).json()) as unknown).toEqual({ status: 'duplicate' });
    await post(endpoint, shippingEvents.sender!, { ...update, data: { id: 'u1', name: 'changed' } });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^user u1 updated \(delivery [0-9a-f]{8}\)$/);
  });

  it('refuses a shipment without a status, naming the path', async () => {
    const { status: _status, ...data } = shipmentCreated().data;
    const payload = { ...shipmentCreated(), data };
    expect(shippingEvents.parse(payload)).toMatchObject({ ok: false, code: 'invalid_event', issues: [{ path: 'data.status' }] });
    const endpoint = createShippingEndpoint(SECRET, () => expect.unreachable());
    expect(await post(endpoint, shippingEvents.sender!, payload)).toEqual({ status: 400, body: { error: 'invalid_event' } });
  });
});

describe('example: types', () => {
  it('type-checks against the built package, and each deliberate mistake in compile-time-checks.ts fails to compile', () => {
    execFileSync('npx', ['tsc', '-p', new URL('tsconfig.json', DIR).pathname], { stdio: 'pipe', timeout: 120_000 });
  }, 130_000);
});
