// One behaviour suite, run against every adapter: each row of the response table, raw-body
// preservation, duplicates, failure then retry, the size limit, the method check and headers
// sent more than once.
import { createHmac } from 'node:crypto';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWebhookReceiver,
  type ReceiverOutcome,
  type WebhookReceiver,
} from '../../src/core/pipeline/create-webhook-receiver.js';
import { hmac } from '../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../src/core/scheme/compose-sender.js';
import { base64 } from '../../src/core/scheme/encodings/base64.js';
import { utf8Secret } from '../../src/core/scheme/keys/utf8-secret.js';
import { signatureHeader } from '../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../src/core/scheme/sources/body.js';
import { requestUrl } from '../../src/core/scheme/sources/request-url.js';
import { defineSender } from '../../src/core/sender.js';
import { createVerifier } from '../../src/core/verifier.js';
import { createDeduplicator, type DedupeStore } from '../../src/dedupe/index.js';
import { createRouter } from '../../src/events/create-router.js';
import { peridioEvents } from '../../src/senders/peridio/events/index.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { auditLogBody, PERIDIO_OLD_SECRET, PERIDIO_SECRET, releaseChangedBody, signPeridio } from './fixtures.js';
import { rawRequest } from './raw-http.js';

export interface SentRequest {
  readonly method: string;
  /** An array is the header sent once per value, each on its own line. */
  readonly headers: Record<string, string | readonly string[]>;
  /** A body, or a stream sent chunked without content-length. */
  readonly body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

export interface ReceivedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** A receiver mounted on the adapter under test, reachable by `send`. */
export interface MountedReceiver {
  send(request: SentRequest): Promise<ReceivedResponse>;
  close(): Promise<void>;
  /** Where a real server listens on 127.0.0.1 (absent for in-process handlers). */
  readonly port?: number;
  readonly path?: string;
  /** The URL requests are sent to, as the server sees it. */
  readonly url?: string;
}

/** How to mount a receiver on one adapter (for servers: on 127.0.0.1, answering every method). */
export type MountReceiver = (receiver: WebhookReceiver) => Promise<MountedReceiver>;

/** What differs between adapters by the runtime they run on, not by their code. */
export interface AdapterTraits {
  /**
   * How a header sent twice reaches the pipeline: as separate lines (Node's headersDistinct), or
   * already joined into one value with ", " (a Fetch `Headers`, on every Fetch runtime).
   */
  readonly repeatedHeaders?: 'apart' | 'joined';
  /** The framework reads the body before hookverify (express.raw()): the body deadline is not hookverify's. */
  readonly frameworkReadsBody?: boolean;
}

function isRepeated(headers: SentRequest['headers']): boolean {
  return Object.values(headers).some((value) => typeof value !== 'string');
}

/** Sends with node:http, which writes an array-valued header as one line per value (fetch would join them). */
function sendLines(url: string, request: SentRequest): Promise<ReceivedResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: request.method, headers: request.headers as OutgoingHttpHeaders }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve({ status: response.statusCode!, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(request.body as string | Uint8Array | undefined);
  });
}

function fetchHeaders(headers: SentRequest['headers']): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    for (const line of typeof value === 'string' ? [value] : value) result.append(name, line);
  }
  return result;
}

/** Sends with fetch to a real server (with node:http when a header is sent more than once). */
export async function sendWithFetch(url: string, request: SentRequest): Promise<ReceivedResponse> {
  if (isRepeated(request.headers)) return sendLines(url, request);
  const streamed = request.body instanceof ReadableStream;
  const response = await fetch(url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(streamed ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Calls a Fetch handler in process, as Bun, Deno, Workers and the Next.js App Router do. */
export function inProcess(handler: (request: Request) => Promise<Response>, url: string): MountedReceiver {
  return {
    async send(request) {
      const streamed = request.body instanceof ReadableStream;
      const response = await handler(
        new Request(url, {
          method: request.method,
          // A Fetch runtime joins the lines of a repeated header into one value: so does Headers.
          headers: fetchHeaders(request.headers),
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(streamed ? { duplex: 'half' } : {}),
        } as RequestInit),
      );
      return { status: response.status, headers: response.headers, body: await response.text() };
    },
    close: async () => {},
    url,
  };
}

const LIMIT = 64 * 1024;

function streamOf(bytes: Uint8Array, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.byteLength) controller.close();
      else {
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      }
    },
  });
}

function post(signed: { body: string | Uint8Array; headers: Record<string, string> }): SentRequest {
  return { method: 'POST', headers: signed.headers, body: signed.body };
}

/** A stream that sends `first`, then `rest` piece by piece `intervalMs` apart (never ending if `rest` is endless). */
function slowStream(pieces: Iterable<string>, intervalMs: number): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  const iterator = pieces[Symbol.iterator]();
  const encoder = new TextEncoder();
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!first) await new Promise((resolve) => setTimeout(resolve, intervalMs));
      first = false;
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel: () => void (cancelled = true),
  });
  return { stream, cancelled: () => cancelled };
}

function* trickle(): Generator<string> {
  yield '{"prn":';
  for (;;) yield ' ';
}

function pieces(text: string, count: number): string[] {
  const size = Math.ceil(text.length / count);
  return Array.from({ length: count }, (_, i) => text.slice(i * size, (i + 1) * size));
}

// A sender whose id header is not signed, accepted by name: what a repeated id becomes shows.
const unsignedId = defineSender({
  name: 'unsigned-id',
  signature: { header: 'x-signature', encoding: 'hex' },
  signedContent: '{body}',
  secretEncoding: 'utf8',
  id: { header: 'x-delivery', unsignedAllowsReplay: true },
});

// Square's shape: the notification URL, then the body (issue #12): the adapter must pass the URL.
const signsUrl = composeSender({
  name: 'signs-url',
  signatures: signatureHeader({ header: 'x-signature', encoding: base64 }),
  signed: [requestUrl, body],
  algorithm: hmac('sha256', utf8Secret),
});

export function runAdapterSuite(name: string, mount: MountReceiver, traits: AdapterTraits = {}): void {
  const repeatedHeaders = traits.repeatedHeaders ?? 'apart';
  if (!traits.frameworkReadsBody) runBodyDeadlineSuite(name, mount);
  describe(`${name}: shared adapter behaviour`, () => {
    const handled: { name: string; identifier: unknown; raw: unknown }[] = [];
    const outcomes: ReceiverOutcome[] = [];
    const unsignedIds: (string | undefined)[] = [];
    let failNext = 0;
    let gate: Promise<void> | undefined;
    let target: MountedReceiver;
    let brokenStore: MountedReceiver;
    let unsignedIdTarget: MountedReceiver;
    let signsUrlTarget: MountedReceiver;
    const signedUrls: (string | undefined)[] = [];

    const verifier = createPeridioVerifier({
      secrets: [
        { secret: PERIDIO_SECRET, label: 'current' },
        { secret: PERIDIO_OLD_SECRET, label: 'previous' },
      ],
    });

    beforeAll(async () => {
      const receiver = createWebhookReceiver({
        verifier,
        events: peridioEvents,
        dedupe: createDeduplicator(),
        maxBodyBytes: LIMIT,
        handle: createRouter(peridioEvents, {
          'device.release-changed': async (event) => {
            if (gate) await gate;
            if (failNext > 0) {
              failNext--;
              throw new Error('downstream failure');
            }
            handled.push({ name: event.name, identifier: event.payload.data.data.device.identifier, raw: event.payload });
          },
        }),
        hooks: { onOutcome: (outcome) => outcomes.push(outcome) },
      });
      target = await mount(receiver);
      unsignedIdTarget = await mount(
        createWebhookReceiver({
          verifier: createVerifier(unsignedId, { secret: 'unsigned-id-secret' }),
          handle: (_payload, { delivery }) => {
            unsignedIds.push(delivery.id);
          },
        }),
      );
      signsUrlTarget = await mount(
        createWebhookReceiver({
          verifier: createVerifier(signsUrl, { secret: 'url-secret' }),
          handle: (_payload, { delivery }) => void signedUrls.push(delivery.sender),
        }),
      );
      const broken: DedupeStore = {
        claim: () => Promise.reject(new Error('ECONNREFUSED')),
        complete: () => Promise.reject(new Error('ECONNREFUSED')),
        release: () => Promise.reject(new Error('ECONNREFUSED')),
      };
      brokenStore = await mount(
        createWebhookReceiver({ verifier, dedupe: createDeduplicator({ store: broken }), handle: () => {} }),
      );
    });
    afterAll(async () => {
      await target?.close();
      await brokenStore?.close();
      await unsignedIdTarget?.close();
      await signsUrlTarget?.close();
    });

    it('200 processed, with the raw bytes preserved (non-ASCII, whitespace, key order)', async () => {
      const body = releaseChangedBody(undefined, 'Gerät-Ωmega ☃ 雪');
      const bytes = new TextEncoder().encode(body);
      // The same document re-serialized has other bytes: only the exact bytes verify.
      expect(JSON.stringify(JSON.parse(body))).not.toBe(body);
      const signed = await signPeridio(body);
      const before = handled.length;
      const response = await target.send({ method: 'POST', headers: signed.headers, body: bytes });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ status: 'processed' });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(handled.slice(before).map((h) => h.identifier)).toEqual(['Gerät-Ωmega ☃ 雪']);
    });

    it('200 for a rotation delivery carrying two signatures', async () => {
      const signed = await signPeridio(releaseChangedBody(), { secrets: [PERIDIO_OLD_SECRET, PERIDIO_SECRET] });
      const response = await target.send(post(signed));
      expect(response.status).toBe(200);
    });

    it('200 duplicate for an event already processed, without running the handler again', async () => {
      const signed = await signPeridio(releaseChangedBody());
      expect((await target.send(post(signed))).status).toBe(200);
      const count = handled.length;
      const again = await target.send(post(signed));
      expect([again.status, JSON.parse(again.body)]).toEqual([200, { status: 'duplicate' }]);
      expect(handled.length).toBe(count);
    });

    it('409 while another delivery of the same event is being processed', async () => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      const signed = await signPeridio(releaseChangedBody());
      const first = target.send(post(signed));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = await target.send(post(signed));
      gate = undefined;
      open();
      expect([second.status, JSON.parse(second.body)]).toEqual([409, { error: 'in_progress' }]);
      expect((await first).status).toBe(200);
    });

    it('500 when the handler fails, then 200 for the retry (nothing was marked done)', async () => {
      failNext = 1;
      const signed = await signPeridio(releaseChangedBody());
      const failed = await target.send(post(signed));
      expect([failed.status, JSON.parse(failed.body)]).toEqual([500, { error: 'handler_failed' }]);
      const count = handled.length;
      const retry = await target.send(post(signed));
      expect([retry.status, JSON.parse(retry.body)]).toEqual([200, { status: 'processed' }]);
      expect(handled.length).toBe(count + 1);
    });

    it('503 when the dedupe store is unavailable', async () => {
      const response = await brokenStore.send(post(await signPeridio(releaseChangedBody())));
      expect([response.status, JSON.parse(response.body)]).toEqual([503, { error: 'store_unavailable' }]);
    });

    it('401 for a tampered body, a stale timestamp and a missing signature', async () => {
      const signed = await signPeridio(releaseChangedBody());
      const tampered = await target.send({ ...post(signed), body: (signed.body as string).replace('2.0.0', '6.6.6') });
      expect([tampered.status, JSON.parse(tampered.body)]).toEqual([401, { error: 'invalid_signature' }]);
      const stale = await target.send(post(await signPeridio(releaseChangedBody(), { timestamp: Date.now() - 3_600_000 })));
      expect([stale.status, JSON.parse(stale.body)]).toEqual([401, { error: 'timestamp_too_old' }]);
      const unsigned = await target.send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: releaseChangedBody() });
      expect([unsigned.status, JSON.parse(unsigned.body)]).toEqual([401, { error: 'missing_header' }]);
    });

    it('a body re-serialized after signing is refused', async () => {
      const signed = await signPeridio(releaseChangedBody());
      const reserialized = JSON.stringify(JSON.parse(signed.body as string));
      const response = await target.send({ ...post(signed), body: reserialized });
      expect(response.status).toBe(401);
    });

    it('400 for a signed body that is not JSON, and for an event that does not match its schema', async () => {
      const notJson = await target.send(post(await signPeridio('{"prn": ')));
      expect([notJson.status, JSON.parse(notJson.body)]).toEqual([400, { error: 'invalid_body' }]);
      const invalid = await target.send(post(await signPeridio(releaseChangedBody().replace('"version":1', '"version":"one"'))));
      expect([invalid.status, JSON.parse(invalid.body)]).toEqual([400, { error: 'invalid_event' }]);
    });

    it('200 unhandled for an unknown event type', async () => {
      const response = await target.send(post(await signPeridio(auditLogBody())));
      expect([response.status, JSON.parse(response.body)]).toEqual([200, { status: 'unhandled' }]);
    });

    it('413 for a body over the limit, declared or streamed, and the next request still works', async () => {
      const big = `{"pad":"${'x'.repeat(LIMIT)}"}`;
      const signed = await signPeridio(big);
      const declared = await target.send(post(signed));
      expect([declared.status, JSON.parse(declared.body)]).toEqual([413, { error: 'body_too_large' }]);
      const streamed = await target.send({ method: 'POST', headers: signed.headers, body: streamOf(new TextEncoder().encode(big)) });
      expect([streamed.status, JSON.parse(streamed.body)]).toEqual([413, { error: 'body_too_large' }]);
      const next = await target.send(post(await signPeridio(releaseChangedBody())));
      expect(next.status).toBe(200);
    });

    it('a body just under the limit is accepted when streamed in chunks', async () => {
      const body = releaseChangedBody().replace('"version":1', `"version":1, "pad":"${'y'.repeat(LIMIT - 1024)}"`);
      const signed = await signPeridio(body);
      const response = await target.send({ method: 'POST', headers: signed.headers, body: streamOf(new TextEncoder().encode(body), 1000) });
      expect(response.status).toBe(200);
    });

    it('405 for another method, naming POST in Allow', async () => {
      const response = await target.send({ method: 'GET', headers: {} });
      expect([response.status, JSON.parse(response.body)]).toEqual([405, { error: 'method_not_allowed' }]);
      expect(response.headers.get('allow')).toBe('POST');
    });

    // Issue #11, item 7: Node joined a repeated header with ", ", so a doubled signature header
    // verified and two delivery ids became the one id "dd1, dd2".
    it(`a header sent twice, identical or not (${repeatedHeaders} on this runtime)`, async () => {
      const signed = async () => signPeridio(releaseChangedBody());
      const twice = async (header: string, second?: (value: string) => string) => {
        const delivery = await signed();
        const value = delivery.headers[header]!;
        const before = outcomes.length;
        const response = await target.send({ ...post(delivery), headers: { ...delivery.headers, [header]: [value, second ? second(value) : value] } });
        return { status: response.status, body: JSON.parse(response.body) as unknown, message: outcomes[before]?.message };
      };
      const other = (await signPeridio(releaseChangedBody(), { secrets: [PERIDIO_OLD_SECRET.replace('B', 'C')] })).headers['peridio-signature']!;
      const results = {
        timestamp: await twice('peridio-published-at'),
        timestamps: await twice('peridio-published-at', () => new Date(Date.now() - 1000).toISOString()),
        signature: await twice('peridio-signature'),
        signatures: await twice('peridio-signature', () => other),
      };
      const refused = { status: 401, body: { error: 'malformed_header' } };
      if (repeatedHeaders === 'apart') {
        for (const [header, result] of Object.entries(results)) {
          expect(result, header).toMatchObject(refused);
          expect(result.message, header).toMatch(/header was sent more than once/);
        }
      } else {
        // Joined by the runtime and read as the one value it now is: a timestamp list does not
        // parse, a signature list is a list whose every entry is checked.
        expect(results.timestamp).toMatchObject(refused);
        expect(results.timestamps).toMatchObject(refused);
        expect(results.signature).toMatchObject({ status: 200, body: { status: 'processed' } });
        expect(results.signatures).toMatchObject({ status: 200, body: { status: 'processed' } });
      }
      const body = '{"n":1}';
      const signature = createHmac('sha256', 'unsigned-id-secret').update(body).digest('hex');
      const ids = await unsignedIdTarget.send({ method: 'POST', headers: { 'x-signature': signature, 'x-delivery': ['dd1', 'dd2'] }, body });
      if (repeatedHeaders === 'apart') {
        expect([ids.status, JSON.parse(ids.body)]).toEqual([401, { error: 'malformed_header' }]);
        expect(unsignedIds).toEqual([]);
      } else {
        // What opting into an unsigned id costs: its value is whatever arrived.
        expect(ids.status).toBe(200);
        expect(unsignedIds).toEqual(['dd1, dd2']);
      }
    });

    // Issue #12: senders that sign the URL (Square) need the one the request was sent to.
    it('hands the verifier the request URL, for senders that sign it', async () => {
      const url = signsUrlTarget.url!;
      const payload = '{"type":"payment.updated"}';
      const sign = (at: string) => createHmac('sha256', 'url-secret').update(at).update(payload).digest('base64');
      const good = await signsUrlTarget.send({ method: 'POST', headers: { 'x-signature': sign(url) }, body: payload });
      expect([good.status, good.body]).toEqual([200, '{"status":"processed"}']);
      const elsewhere = await signsUrlTarget.send({ method: 'POST', headers: { 'x-signature': sign(`${url}/other`) }, body: payload });
      expect(elsewhere.status).toBe(401);
      expect(signedUrls).toEqual(['signs-url']);
    });

    it('error bodies carry the code only', async () => {
      const response = await target.send({ method: 'POST', headers: { 'peridio-signature': 'zz', 'peridio-published-at': 'x' }, body: '{}' });
      expect(response.status).toBe(401);
      expect(response.body).toBe('{"error":"malformed_header"}');
    });
  });
}

const BODY_TIMEOUT_MS = 1000;

function runBodyDeadlineSuite(name: string, mount: MountReceiver): void {
  describe(`${name}: body deadline`, () => {
    const outcomes: string[] = [];
    let target: MountedReceiver;
    beforeAll(async () => {
      target = await mount(
        createWebhookReceiver({
          verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
          bodyTimeout: `${BODY_TIMEOUT_MS}ms`,
          handle: () => {},
          hooks: { onOutcome: (outcome) => void outcomes.push(outcome.code) },
        }),
      );
    });
    afterAll(() => target?.close());

    it('408 body_timeout at the deadline for 20 connections trickling a body, each one closed', async () => {
      const { headers } = await signPeridio(releaseChangedBody());
      const before = outcomes.length;
      if (target.port !== undefined) {
        // A byte every 100 ms of a 4 KiB body: it would take 400 s, past Node's own 300 s requestTimeout.
        const answers = await Promise.all(
          Array.from({ length: 20 }, () =>
            rawRequest({ port: target.port!, path: target.path!, headers, pieces: [...Array(60).keys()].map(() => ' '), intervalMs: 100, declaredLength: 4096 }),
          ),
        );
        for (const answer of answers) {
          expect([answer.status, answer.body]).toEqual([408, '{"error":"body_timeout"}']);
          expect(answer.headers.connection).toBe('close');
          expect(answer.closedByServer).toBe(true);
          expect(answer.answeredAfterMs).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 100);
          expect(answer.answeredAfterMs).toBeLessThan(BODY_TIMEOUT_MS + 1500);
        }
      } else {
        // In process, as a Fetch runtime calls the handler: the stalled stream is cancelled.
        const slow = slowStream(trickle(), 100);
        const started = Date.now();
        const response = await target.send({ method: 'POST', headers, body: slow.stream });
        expect([response.status, response.body]).toEqual([408, '{"error":"body_timeout"}']);
        expect(Date.now() - started).toBeLessThan(BODY_TIMEOUT_MS + 1500);
        expect(slow.cancelled()).toBe(true);
      }
      expect(outcomes.slice(before).every((code) => code === 'body_timeout')).toBe(true);
      expect(outcomes.length).toBeGreaterThan(before);
    }, 15_000);

    it('a slow body that completes within the deadline is processed', async () => {
      const signed = await signPeridio(releaseChangedBody());
      const parts = pieces(signed.body as string, 5); // over about 500 ms
      if (target.port !== undefined) {
        const answer = await rawRequest({ port: target.port, path: target.path!, headers: signed.headers, pieces: parts, intervalMs: 100, closeWaitMs: 50 });
        expect([answer.status, answer.body]).toEqual([200, '{"status":"processed"}']);
      } else {
        const response = await target.send({ method: 'POST', headers: signed.headers, body: slowStream(parts, 100).stream });
        expect([response.status, response.body]).toEqual([200, '{"status":"processed"}']);
      }
    });
  });
}
