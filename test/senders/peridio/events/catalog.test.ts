import { describe, expect, it } from 'vitest';
import { peridioEvents, peridioEventSchemas, PERIDIO_AUTHENTICATION_FAILURE_REASONS } from '../../../../src/senders/peridio/events/index.js';
import { samplePeridioEvent } from '../../../../src/testing/index.js';
import guideExamples from './fixtures/guide-examples.json' with { type: 'json' };

type Json = Record<string, unknown>;
const ORG = '4e33149b-637d-4679-b64f-4905e7a0cf8c';
const prn = (type: string, id = 'a2edbb76-5f44-4202-860d-74a8c17d65aa') => `prn:1:${ORG}:${type}:${id}`;
const device = { identifier: 'SN1337', prn: prn('device') };
const release = (version: string) => ({ prn: prn('release', `f456986f-1a2f-4d73-8f70-96ff05a6bce${version[0]}`), version });
const bundle = { prn: prn('bundle'), name: 'base', known: true };

function envelope(type: string, subtype: string, data: Json): Json {
  return { version: 1, prn: prn('event'), type, inserted_at: '2023-09-14T20:23:30Z', data: { type: subtype, data } };
}

function guide(name: string): Json {
  const found = (guideExamples as Json[]).find((event) => {
    const data = event.data as Json;
    return `${event.type as string}.${(data.type as string).replaceAll('_', '-')}` === name;
  });
  if (!found) throw new Error(`no guide example for ${name}`);
  return structuredClone(found);
}

function nameOf(payload: unknown): string | undefined {
  const result = peridioEvents.parse(payload);
  if (!result.ok) throw new Error(result.message);
  return result.event.unknown ? `unknown:${result.event.name}` : result.event.name;
}

function remove(payload: Json, path: string): Json {
  const copy = structuredClone(payload);
  const keys = path.split('.');
  let at: Json = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Json;
  delete at[keys.at(-1)!];
  return copy;
}

describe('Peridio catalog: the guide examples', () => {
  it('has one example per guide event, and the catalog has the two the guide leaves out', () => {
    expect(guideExamples).toHaveLength(8);
    const fromGuide = (guideExamples as Json[]).map(nameOf);
    expect(new Set(peridioEvents.eventNames)).toEqual(new Set([...fromGuide, 'device.disconnected', 'webhook.request-failed']));
  });

  it.each((guideExamples as Json[]).map((event) => [`${event.type as string}.${(event.data as Json).type as string}`, event]))(
    '%s parses, unchanged, to its canonical name',
    (_label, example) => {
      const result = peridioEvents.parse(example);
      expect(result.ok).toBe(true);
      if (!result.ok || result.event.unknown) return;
      expect(result.event.payload).toEqual(example);
      expect(result.event.name).toMatch(/^[a-z_]+\.[a-z-]+$/);
    },
  );

  it.each((guideExamples as Json[]).map((event) => [nameOf(event)!, event]))('%s parses in the other spelling too', (name, example) => {
    const data = example.data as Json;
    const subtype = data.type as string;
    const other = subtype.includes('_') ? subtype.replaceAll('_', '-') : subtype.replaceAll('-', '_');
    expect(nameOf({ ...example, data: { ...data, type: other } })).toBe(name);
  });
});

describe('Peridio catalog: the reference shapes', () => {
  // The body of Peridio's signing example, byte for byte.
  const signingExample =
    '{"version":1,"prn":"prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:event:a727838c-0195-4ccf-8258-cebf4608db8e","type":"device","inserted_at":"2023-09-14T20:23:30Z","data":{"type":"release_changed","data":{"device":{"identifier":"SN1337","prn":"prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:device:a2edbb76-5f44-4202-860d-74a8c17d65aa"},"from_release":{"prn":"prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:release:499b64fb-1420-4f58-8c73-e5497e1f531e","version":"1.0.0"},"to_release":{"prn":"prn:1:4e33149b-637d-4679-b64f-4905e7a0cf8c:release:f456986f-1a2f-4d73-8f70-96ff05a6bce7","version":"2.0.0"}}}}';

  const cases: [string, string, Json][] = [
    ['device.release-changed', 'the signing example', JSON.parse(signingExample) as Json],
    ['device.connected', 'ip_address v4, certificates, route, headers, cohort', envelope('device', 'connected', {
      device: { ...device, cohort: { cohort_prn: prn('cohort'), cohort_name: 'beta' } },
      ip_address: '192.0.2.7',
      certificate: { fingerprint: 'AB:CD', common_name: 'SN1337' },
      ca_certificate: { fingerprint: 'EF:01', common_name: 'Fleet CA' },
      route: 'eu-west',
      headers: { 'x-forwarded-for': '192.0.2.7' },
    })],
    ['device.connected', 'ip_address v6 and null members', envelope('device', 'connected', {
      device: { ...device, cohort: null },
      ip_address: '2001:db8::7',
      certificate: null,
      ca_certificate: null,
    })],
    ['device.connected', 'an IPv4-mapped IPv6 address', envelope('device', 'connected', { device, ip_address: '::ffff:192.0.2.7' })],
    ['device.connected', 'ip_address null', envelope('device', 'connected', { device, ip_address: null })],
    ['device.disconnected', 'the OpenAPI shape', envelope('device', 'disconnected', { device })],
    ...[...PERIDIO_AUTHENTICATION_FAILURE_REASONS, 'a_reason_peridio_adds_later'].map(
      (reason): [string, string, Json] => ['device.authentication-failed', `reason ${reason}`, envelope('device', 'authentication_failed', { device, reason })],
    ),
    ['device.authentication-failed', 'an unknown device without a PRN, with ip and certificates', envelope('device', 'authentication_failed', {
      device: { identifier: 'SN9999', prn: null },
      reason: 'unknown_device',
      ip_address: '2001:db8::9',
      certificate: { fingerprint: 'AA' },
      ca_certificate: null,
    })],
    ['device.checked-for-release', 'release and bundle (OpenAPI)', envelope('device', 'checked_for_release', { device, release: release('1.0.0'), bundle })],
    ['device.checked-for-release', 'release and bundle null', envelope('device', 'checked_for_release', { device, release: null, bundle: null })],
    ['device.checked-for-release', 'current_release (guide)', envelope('device', 'checked_for_release', { device, current_release: release('1.0.0') })],
    ['device.claimed-release', 'with a bundle', envelope('device', 'claimed_release', { device, release: release('2.0.0'), bundle })],
    ['device.release-changed', 'from_release null (first release)', envelope('device', 'release_changed', { device, from_release: null, to_release: release('2.0.0') })],
    ['device.release-changed', 'bundles and known flags', envelope('device', 'release_changed', {
      device,
      from_release: release('1.0.0'),
      to_release: { ...release('2.0.0'), known: false },
      from_bundle: null,
      to_bundle: { prn: prn('bundle'), known: true },
    })],
    ['device.updated', 'the OpenAPI shape (no updated_fields)', envelope('device', 'updated', {
      device: { ...device, quarantined: false, tags: ['eu', 'beta'], firmware: { version: '1.2.3' }, release: { prn: prn('release') }, bundle: null, cohort: null },
    })],
    ['device.updated', 'tags, firmware and release null', envelope('device', 'updated', {
      device: { ...device, tags: null, firmware: null, release: null },
      updated_fields: [],
    })],
    ['api_key.created', 'api_key_prn and creator_prn (OpenAPI)', envelope('api_key', 'created', {
      api_key_prn: prn('api_key'),
      creator_prn: 'prn:1:user:5c2f4a1e-0d3b-4e8f-9a6c-1b2d3e4f5a6b',
    })],
    ['webhook.test-fire', '{ webhook_prn } (reference)', envelope('webhook', 'test_fire', { webhook_prn: prn('webhook') })],
    ['webhook.test-fire', '{} in the hyphen spelling', envelope('webhook', 'test-fire', {})],
    ...['host_resolution_failed', 'response_timeout'].map((type): [string, string, Json] => [
      'webhook.request-failed',
      type,
      envelope('webhook', 'request_failed', { type, data: { webhook: { prn: prn('webhook') } } }),
    ]),
    ['webhook.request-failed', 'response_status with status', envelope('webhook', 'request-failed', {
      type: 'response_status',
      data: { webhook: { prn: prn('webhook') }, status: 502 },
    })],
    ['device.connected', 'a timestamp with an offset and microseconds', { ...envelope('device', 'connected', { device }), inserted_at: '2023-09-14T22:23:30.123456+02:00' }],
  ];

  it.each(cases)('%s: %s', (name, _label, payload) => {
    const result = peridioEvents.parse(payload);
    if (!result.ok) throw new Error(result.message);
    expect(result.event).toEqual({ name, payload, unknown: false });
  });

  it('keeps members it does not name, at every level', () => {
    const payload = guide('device.release-changed');
    payload.delivery_attempt = 3;
    (payload.data as Json).schema = 'v1';
    const data = (payload.data as Json).data as Json;
    data.reason = 'ota';
    (data.device as Json).tags = ['eu'];
    (data.to_release as Json).channel = 'stable';
    const result = peridioEvents.parse(payload);
    expect(result.ok && result.event.payload).toEqual(payload);
  });

  it('keeps extra members inside every alternative shape', () => {
    const payload = envelope('api_key', 'created', { api_key_prn: prn('api_key'), creator_prn: null, scopes: ['read'] });
    expect(peridioEvents.parse(payload)).toMatchObject({ ok: true, event: { payload } });
  });

  it('drops a member named __proto__ from every object it copies (copying would set the prototype) and keeps the other extra members', () => {
    // As a body arrives: JSON.parse makes "__proto__" an own member, not the prototype.
    const text = JSON.stringify(guide('device.release-changed'))
      .replace('{', '{"__proto__":{"polluted":true},"delivery_attempt":3,"x_unnamed":{"__proto__":{"kept":true},"b":1},')
      .replace('"device":{', '"device":{"__proto__":{"polluted":true},"tags":["eu"],');
    const sent = JSON.parse(text) as Json;
    expect(Object.hasOwn(sent, '__proto__')).toBe(true);

    const result = peridioEvents.parse(sent);
    if (!result.ok) throw new Error(result.message);
    const payload = result.event.payload as unknown as Json;
    const parsedDevice = ((payload.data as Json).data as Json).device as Json;
    for (const object of [payload, parsedDevice]) {
      expect(Object.hasOwn(object, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(object.polluted).toBeUndefined();
    }
    expect(payload.delivery_attempt).toBe(3);
    expect(parsedDevice.tags).toEqual(['eu']);
    // A value the schema does not describe is kept as sent, its own "__proto__" member included.
    const unnamed = payload.x_unnamed as Json;
    expect(Object.hasOwn(unnamed, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(unnamed)).toBe(Object.prototype);
    expect(payload).toEqual(JSON.parse(text.replaceAll('"__proto__":{"polluted":true},', '')));
  });
});

describe('Peridio catalog: refusals name the failing path', () => {
  const missing: [string, () => Json, string][] = [
    ['device.connected', () => guide('device.connected'), 'data.data.device.prn'],
    ['device.connected', () => guide('device.connected'), 'data.data.device'],
    ['device.disconnected', () => envelope('device', 'disconnected', { device }), 'data.data.device.identifier'],
    ['device.authentication-failed', () => guide('device.authentication-failed'), 'data.data.reason'],
    ['device.authentication-failed', () => guide('device.authentication-failed'), 'data.data.device.identifier'],
    ['device.checked-for-release', () => guide('device.checked-for-release'), 'data.data.current_release.version'],
    ['device.checked-for-release', () => envelope('device', 'checked_for_release', { device, release: release('1.0.0') }), 'data.data.release.prn'],
    ['device.claimed-release', () => guide('device.claimed-release'), 'data.data.release'],
    ['device.release-changed', () => guide('device.release-changed'), 'data.data.to_release'],
    ['device.release-changed', () => guide('device.release-changed'), 'data.data.from_release.version'],
    ['device.updated', () => guide('device.updated'), 'data.data.device'],
    ['api_key.created', () => guide('api_key.created'), 'data.data.api_key.prn'],
    ['webhook.request-failed', () => envelope('webhook', 'request_failed', { type: 'response_timeout', data: { webhook: { prn: prn('webhook') } } }), 'data.data.data.webhook.prn'],
    ['webhook.request-failed', () => envelope('webhook', 'request_failed', { type: 'response_timeout', data: { webhook: { prn: prn('webhook') } } }), 'data.data.type'],
    ['webhook.test-fire', () => guide('webhook.test-fire'), 'inserted_at'],
    ['webhook.test-fire', () => guide('webhook.test-fire'), 'version'],
    ['device.updated', () => guide('device.updated'), 'prn'],
  ];

  it.each(missing.map(([name, build, path]) => [name, path, build] as const))('%s without %s', (name, path, build) => {
    const result = peridioEvents.parse(remove(build(), path));
    expect(result).toMatchObject({ ok: false, code: 'invalid_event', name });
    if (result.ok) return;
    expect(result.issues[0]!.path).toBe(path);
    expect(result.message).toContain(` ${path}: `);
  });

  it.each([
    ['api_key.created', envelope('api_key', 'created', { creator_prn: null }), '"api_key" or "api_key_prn"'],
    ['device.checked-for-release', envelope('device', 'checked_for_release', { device, bundle: null }), '"current_release" or "release"'],
  ])('%s: refuses a payload with neither of its two shapes, naming both members', (name, payload, members) => {
    const result = peridioEvents.parse(payload);
    expect(result).toMatchObject({ ok: false, code: 'invalid_event', issues: [{ path: 'data.data' }] });
    expect(!result.ok && result.message).toBe(`peridio ${name}: data.data: expected ${members}`);
  });

  it('reports the member missing inside the guide shape of api_key.created', () => {
    const result = peridioEvents.parse(remove(guide('api_key.created'), 'data.data.api_key.prn'));
    expect(!result.ok && result.issues).toEqual([{ path: 'data.data.api_key.prn', message: expect.any(String) }]);
  });

  const wrong: [string, Json, string][] = [
    ['a malformed device PRN', envelope('device', 'connected', { device: { ...device, prn: 'device-1' } }), 'data.data.device.prn'],
    ['an event PRN of another organization format', { ...envelope('device', 'connected', { device }), prn: 'prn:1:not-a-uuid:event:x' }, 'prn'],
    ['a user PRN without a UUID', envelope('api_key', 'created', { api_key_prn: prn('api_key'), creator_prn: 'prn:1:user:bob' }), 'data.data.creator_prn'],
    ['a date without a time', { ...envelope('device', 'connected', { device }), inserted_at: '2023-09-14' }, 'inserted_at'],
    ['an impossible date', { ...envelope('device', 'connected', { device }), inserted_at: '2023-02-30T00:00:00Z' }, 'inserted_at'],
    ['a version that is not a number', { ...envelope('device', 'connected', { device }), version: '1' }, 'version'],
    ['an IP address that is not one', envelope('device', 'connected', { device, ip_address: '300.1.1.1' }), 'data.data.ip_address'],
    ['a hostname as IP address', envelope('device', 'connected', { device, ip_address: 'example.com' }), 'data.data.ip_address'],
    ['tags that are not strings', envelope('device', 'updated', { device: { ...device, tags: [1] } }), 'data.data.device.tags[0]'],
    ['a status outside HTTP', envelope('webhook', 'request_failed', { type: 'response_status', data: { webhook: { prn: prn('webhook') }, status: 42 } }), 'data.data.data.status'],
    ['a cohort without its PRN', envelope('device', 'disconnected', { device: { ...device, cohort: { cohort_name: 'beta' } } }), 'data.data.device.cohort.cohort_prn'],
    ['a test fire with a malformed webhook_prn', envelope('webhook', 'test_fire', { webhook_prn: 'webhook' }), 'data.data.webhook_prn'],
  ];

  it.each(wrong)('refuses %s at %s', (_label, payload, path) => {
    const result = peridioEvents.parse(payload);
    expect(result).toMatchObject({ ok: false, code: 'invalid_event' });
    expect(!result.ok && result.issues[0]!.path).toBe(path);
  });

  it('says what a PRN must look like', () => {
    const result = peridioEvents.parse(envelope('device', 'connected', { device: { ...device, prn: 'device-1' } }));
    expect(!result.ok && result.message).toBe(
      'peridio device.connected: data.data.device.prn: expected a Peridio Resource Name (prn:1:<organization-uuid>[:<type>:<id>])',
    );
  });

  it('refuses a type whose data.type the envelope does not allow', () => {
    // Both spellings are accepted, but only those: a look-alike is a different (unknown) event.
    expect(nameOf(envelope('device', 'release changed', { device }))).toBe('unknown:device.release changed');
    expect(nameOf(envelope('device', 'Release_Changed', { device }))).toBe('unknown:device.Release_Changed');
  });
});

describe('Peridio catalog: events it does not know', () => {
  const auditLog = envelope('audit_log', 'api_request', { method: 'GET', path: '/devices' });

  it('returns audit_log.api_request as an unknown event, untouched', () => {
    expect(peridioEvents.parse(auditLog)).toEqual({ ok: true, event: { name: 'audit_log.api_request', payload: auditLog, unknown: true } });
  });

  it('returns a known category with a new subtype as unknown', () => {
    expect(nameOf(envelope('device', 'rebooted', { device }))).toBe('unknown:device.rebooted');
  });

  it('refuses them with unknown_event when strict', () => {
    expect(peridioEvents.parse(auditLog, { strict: true })).toMatchObject({ ok: false, code: 'unknown_event', name: 'audit_log.api_request' });
  });

  it('refuses a payload without type or data.type as invalid_event, naming the path', () => {
    expect(peridioEvents.parse(remove(auditLog, 'data.type'))).toMatchObject({ ok: false, code: 'invalid_event', issues: [{ path: 'data.type' }] });
    expect(peridioEvents.parse(remove(auditLog, 'type'))).toMatchObject({ ok: false, code: 'invalid_event', issues: [{ path: 'type' }] });
  });
});

describe('Peridio catalog: definition', () => {
  it('uses the hyphen spelling for every canonical name and knows the underscore one as an alias', () => {
    for (const name of peridioEvents.eventNames) {
      const [category, subtype] = name.split('.') as [string, string];
      expect(subtype).not.toContain('_');
      expect(peridioEvents.canonicalName(`${category}.${subtype.replaceAll('-', '_')}`)).toBe(name);
    }
    expect(Object.keys(peridioEventSchemas)).toEqual(peridioEvents.eventNames);
    expect(peridioEvents.sender?.name).toBe('peridio');
  });
});

describe('Peridio catalog: every member of every sample', () => {
  type Path = (string | number)[];
  function paths(value: unknown, prefix: Path = []): Path[] {
    if (value === null || typeof value !== 'object') return [];
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    return entries.flatMap(([key, item]) => [[...prefix, key], ...paths(item, [...prefix, key])]);
  }
  const format = (path: Path) => path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
  function edit(payload: Json, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): Json {
    const copy = structuredClone(payload);
    let at = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    change(at, path.at(-1)!);
    return copy;
  }
  const samples = peridioEvents.eventNames.map((name) => [name, samplePeridioEvent(name) as unknown as Json] as const);

  it.each(samples)('%s: removing a member either still parses or names that member (or the shape it belongs to)', (name, sample) => {
    let refused = 0;
    for (const path of paths(sample)) {
      if (typeof path.at(-1) === 'number') continue;
      const result = peridioEvents.parse(edit(sample, path, (parent, key) => delete parent[key]));
      if (result.ok) {
        expect(result.event.name).toBe(name);
        continue;
      }
      refused++;
      const reported = result.issues[0]!.path;
      // The removed member, the shape that contains it, or (removing `data`) the type inside it.
      const removed = format(path);
      expect(removed.startsWith(reported) || reported.startsWith(removed), `${removed} reported as ${reported}`).toBe(true);
      expect(result.message).toContain(reported);
    }
    expect(refused).toBeGreaterThanOrEqual(4); // version, prn, inserted_at, data.data at least
  });

  it.each(samples)('%s: an extra member on every object is kept', (name, sample) => {
    let payload = sample;
    for (const path of [[], ...paths(sample)]) {
      const target = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], payload);
      if (target === null || typeof target !== 'object' || Array.isArray(target)) continue;
      payload = path.length === 0 ? { ...payload, x_added: 1 } : edit(payload, path, (parent, key) => (parent[key] = { ...(parent[key] as object), x_added: [1] }));
    }
    const result = peridioEvents.parse(payload);
    expect(result).toEqual({ ok: true, event: { name, payload, unknown: false } });
    expect(JSON.stringify(payload).split('x_added').length - 1).toBeGreaterThanOrEqual(3);
  });
});
