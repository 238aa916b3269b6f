import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DedupeError } from '../../../src/core/errors.js';
import { createVerifier } from '../../../src/core/verifier.js';
import { defineCatalog } from '../../../src/events/define-catalog.js';
import { createWebhookReceiver, type DedupeRunner, type ReceiverOutcome } from '../../../src/core/pipeline/create-webhook-receiver.js';
import { createDeduplicator } from '../../../src/dedupe/index.js';
import type { DedupeStore } from '../../../src/dedupe/index.js';
import { createRouter } from '../../../src/events/create-router.js';
import { peridioEvents } from '../../../src/senders/peridio/events/index.js';
import { createPeridioVerifier } from '../../../src/senders/peridio/verifier.js';
import { githubLike } from '../../helpers/github-sender.js';
import { auditLogBody, PERIDIO_SECRET, releaseChangedBody, signPeridio } from '../../adapters/fixtures.js';

const verifier = createPeridioVerifier({ secret: PERIDIO_SECRET });

function post(delivery: { body: string | Uint8Array; headers: Record<string, string> }) {
  return { method: 'POST', headers: delivery.headers, body: delivery.body };
}

function json(body: string): unknown {
  return JSON.parse(body);
}

describe('createWebhookReceiver', () => {
  it('verifies, parses, dedupes and handles a delivery, and hooks see the outcome', async () => {
    const seen: unknown[] = [];
    const outcomes: ReceiverOutcome[] = [];
    const receiver = createWebhookReceiver({
      verifier,
      events: peridioEvents,
      dedupe: createDeduplicator(),
      handle: (event, { delivery }) => {
        seen.push([event.name, delivery.id]);
      },
      hooks: { onOutcome: (outcome) => outcomes.push(outcome) },
    });
    const signed = await signPeridio(releaseChangedBody());
    const response = await receiver.receive(post(signed));
    expect(response.status).toBe(200);
    expect(json(response.body)).toEqual({ status: 'processed' });
    expect(response.headers['content-type']).toBe('application/json');
    const prn = (json(signed.body as string) as { prn: string }).prn;
    expect(seen).toEqual([['device.release-changed', prn]]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ code: 'processed', status: 200, sender: 'peridio', deliveryId: prn, event: 'device.release-changed' });
    expect(outcomes[0]!.matchedSecret).toEqual({ index: 0, label: undefined });

    const again = await receiver.receive(post(signed));
    expect(again.status).toBe(200);
    expect(json(again.body)).toEqual({ status: 'duplicate' });
    expect(seen).toHaveLength(1);
    expect(outcomes[1]!.code).toBe('duplicate');
  });

  it('answers 405 to other methods with an Allow header, before reading the body', async () => {
    const read = vi.fn(async () => new Uint8Array());
    const receiver = createWebhookReceiver({ verifier, handle: () => {} });
    const response = await receiver.receive({ method: 'GET', headers: {}, body: read });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(json(response.body)).toEqual({ error: 'method_not_allowed' });
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a declared content-length over the limit without reading, and a reader that stops at the limit', async () => {
    const receiver = createWebhookReceiver({ verifier, handle: () => {}, maxBodyBytes: 100 });
    const read = vi.fn(async () => new Uint8Array(10));
    const declared = await receiver.receive({ method: 'POST', headers: { 'content-length': '101' }, body: read });
    expect(declared.status).toBe(413);
    expect(json(declared.body)).toEqual({ error: 'body_too_large' });
    expect(read).not.toHaveBeenCalled();

    const limits: number[] = [];
    const stopped = await receiver.receive({
      method: 'POST',
      headers: {},
      body: async (limit) => {
        limits.push(limit);
        return undefined;
      },
    });
    expect(stopped.status).toBe(413);
    expect(limits).toEqual([100]);

    const inMemory = await receiver.receive({ method: 'POST', headers: {}, body: 'x'.repeat(101) });
    expect(inMemory.status).toBe(413);
  });

  it('maps verification failures to 401 and a bad body after a valid signature to 400', async () => {
    const receiver = createWebhookReceiver({ verifier, events: peridioEvents, handle: () => {} });
    const signed = await signPeridio(releaseChangedBody());
    const tampered = await receiver.receive(post({ ...signed, body: (signed.body as string).replace('2.0.0', '6.6.6') }));
    expect([tampered.status, json(tampered.body)]).toEqual([401, { error: 'invalid_signature' }]);

    const stale = await receiver.receive(post(await signPeridio(releaseChangedBody(), { timestamp: Date.now() - 600_000 })));
    expect([stale.status, json(stale.body)]).toEqual([401, { error: 'timestamp_too_old' }]);

    const unsigned = await receiver.receive({ method: 'POST', headers: {}, body: '{}' });
    expect([unsigned.status, json(unsigned.body)]).toEqual([401, { error: 'missing_header' }]);

    const notJson = await receiver.receive(post(await signPeridio('{"prn": ')));
    expect([notJson.status, json(notJson.body)]).toEqual([400, { error: 'invalid_body' }]);

    const badEvent = await receiver.receive(post(await signPeridio(releaseChangedBody().replace('"version":1', '"version":"one"'))));
    expect([badEvent.status, json(badEvent.body)]).toEqual([400, { error: 'invalid_event' }]);
  });

  it('never leaks a message or a secret in the response body', async () => {
    const outcomes: ReceiverOutcome[] = [];
    const receiver = createWebhookReceiver({ verifier, events: peridioEvents, handle: () => {}, hooks: { onOutcome: (o) => outcomes.push(o) } });
    const signed = await signPeridio(releaseChangedBody().replace('"version":1', '"version":"one"'));
    const response = await receiver.receive(post(signed));
    expect(response.body).toBe('{"error":"invalid_event"}');
    expect(outcomes[0]!.message).toContain('version');
    expect(JSON.stringify(outcomes)).not.toContain(PERIDIO_SECRET);
  });

  it('answers 500 when the handler throws, marks nothing done, and processes the retry', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const receiver = createWebhookReceiver({
      verifier,
      dedupe: createDeduplicator(),
      handle: () => {
        if (fail) throw new Error('database down');
      },
      hooks: { onError: (error) => errors.push(error) },
    });
    const signed = await signPeridio(releaseChangedBody());
    const first = await receiver.receive(post(signed));
    expect([first.status, json(first.body)]).toEqual([500, { error: 'handler_failed' }]);
    expect((errors[0] as Error).message).toBe('database down');
    fail = false;
    const retry = await receiver.receive(post(signed));
    expect([retry.status, json(retry.body)]).toEqual([200, { status: 'processed' }]);
  });

  it('answers 409 while another delivery of the event is in progress', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const receiver = createWebhookReceiver({ verifier, dedupe: createDeduplicator(), handle: () => gate });
    const signed = await signPeridio(releaseChangedBody());
    const first = receiver.receive(post(signed));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await receiver.receive(post(signed));
    expect([second.status, json(second.body)]).toEqual([409, { error: 'in_progress' }]);
    release();
    expect((await first).status).toBe(200);
  });

  it('fails closed with 503 when the dedupe store is unavailable, without running the handler', async () => {
    const broken: DedupeStore = {
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
      complete: () => Promise.reject(new Error('ECONNREFUSED')),
      release: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const handle = vi.fn();
    const receiver = createWebhookReceiver({ verifier, dedupe: createDeduplicator({ store: broken }), handle });
    const response = await receiver.receive(post(await signPeridio(releaseChangedBody())));
    expect([response.status, json(response.body)]).toEqual([503, { error: 'store_unavailable' }]);
    expect(handle).not.toHaveBeenCalled();
  });

  it('acknowledges unknown event types: a router catch-all runs, and without one they are unhandled', async () => {
    const unknown: string[] = [];
    const withCatchAll = createWebhookReceiver({
      verifier,
      events: peridioEvents,
      dedupe: createDeduplicator(),
      handle: createRouter(peridioEvents, {}, { onUnknown: (event) => void unknown.push(event.name) }),
    });
    const first = await withCatchAll.receive(post(await signPeridio(auditLogBody())));
    expect([first.status, json(first.body)]).toEqual([200, { status: 'processed' }]);
    expect(unknown).toEqual(['audit_log.api_request']);

    const without = createWebhookReceiver({ verifier, events: peridioEvents, handle: createRouter(peridioEvents, {}) });
    const second = await without.receive(post(await signPeridio(auditLogBody())));
    expect([second.status, json(second.body)]).toEqual([200, { status: 'unhandled' }]);

    const strict = createWebhookReceiver({
      verifier,
      events: { parse: (payload: unknown) => peridioEvents.parse(payload, { strict: true }) },
      handle: () => {
        throw new Error('must not run');
      },
    });
    const third = await strict.receive(post(await signPeridio(auditLogBody())));
    expect([third.status, json(third.body)]).toEqual([200, { status: 'unknown_event' }]);
  });

  it('answers 400 invalid_body when the body cannot be read (the client went away)', async () => {
    const errors: unknown[] = [];
    const receiver = createWebhookReceiver({ verifier, handle: () => {}, hooks: { onError: (error) => errors.push(error) } });
    const response = await receiver.receive({ method: 'POST', headers: {}, body: () => Promise.reject(new Error('ECONNRESET')) });
    expect([response.status, json(response.body)]).toEqual([400, { error: 'invalid_body' }]);
    expect((errors[0] as Error).message).toBe('ECONNRESET');
  });

  it('answers 408 body_timeout at the deadline, 5 s by default, aborting the reader (even one that ignores it)', async () => {
    vi.useFakeTimers();
    try {
      const outcomes: ReceiverOutcome[] = [];
      const errors: unknown[] = [];
      const receiver = createWebhookReceiver({ verifier, handle: () => {}, hooks: { onOutcome: (o) => outcomes.push(o), onError: (e) => errors.push(e) } });
      let signal: AbortSignal | undefined;
      const answer = receiver.receive({ method: 'POST', headers: {}, body: (_limit, given) => ((signal = given), new Promise(() => {})) });
      let settled = false;
      void answer.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(4999);
      expect([settled, signal?.aborted]).toEqual([false, false]);
      await vi.advanceTimersByTimeAsync(1);
      const response = await answer;
      expect([response.status, json(response.body)]).toEqual([408, { error: 'body_timeout' }]);
      expect(signal?.aborted).toBe(true);
      expect(outcomes[0]).toMatchObject({ code: 'body_timeout', status: 408, message: expect.stringContaining('5000 ms') });
      expect(errors).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a signal only to a reader that declares one, and still answers 408 at the deadline for one that does not', async () => {
    vi.useFakeTimers();
    try {
      const receiver = createWebhookReceiver({ verifier, handle: () => {}, bodyTimeout: '1s' });
      const given: unknown[][] = [];
      const answer = receiver.receive({ method: 'POST', headers: {}, body: (...args: unknown[]) => ((given.push(args), new Promise(() => {})) as never) });
      const withSignal = receiver.receive({ method: 'POST', headers: {}, body: (limit, signal) => ((given.push([limit, signal]), new Promise(() => {}))) });
      await vi.advanceTimersByTimeAsync(1000);
      expect([(await answer).status, (await withSignal).status]).toEqual([408, 408]);
      expect(given[0]).toHaveLength(1);
      expect(given[1]![1]).toBeInstanceOf(AbortSignal);
      expect((given[1]![1] as AbortSignal).aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes bodyTimeout as a duration, reports a reader that gives up on its signal as the timeout, and refuses 0', async () => {
    const receiver = createWebhookReceiver({ verifier, handle: () => {}, bodyTimeout: '30ms' });
    const started = Date.now();
    const response = await receiver.receive({
      method: 'POST',
      headers: {},
      body: (_limit, signal) => new Promise((_, reject) => signal!.addEventListener('abort', () => reject(signal!.reason))),
    });
    expect([response.status, json(response.body)]).toEqual([408, { error: 'body_timeout' }]);
    expect(Date.now() - started).toBeLessThan(1000);
    // A read that finished in time is not affected by the timer it leaves behind.
    const signed = await signPeridio(releaseChangedBody());
    expect((await receiver.receive({ ...post(signed), body: async () => signed.body })).status).toBe(200);
    expect(() => createWebhookReceiver({ verifier, handle: () => {}, bodyTimeout: 0 })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    expect(() => createWebhookReceiver({ verifier, handle: () => {}, bodyTimeout: 'soon' as '5s' })).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    );
  });

  it('refuses a body that is already parsed as a setup error, and reports it', async () => {
    const errors: unknown[] = [];
    const receiver = createWebhookReceiver({ verifier, handle: () => {}, hooks: { onError: (error) => errors.push(error) } });
    const response = await receiver.receive({ method: 'POST', headers: {}, body: { prn: 'x' } as unknown as string });
    expect([response.status, json(response.body)]).toEqual([500, { error: 'body_already_parsed' }]);
    expect(errors[0]).toMatchObject({ name: 'ConfigurationError', code: 'body_already_parsed' });
  });

  it('acknowledge-first: 2xx only after the hand-off, 503 and released when it hangs', async () => {
    const queue: string[] = [];
    let hang = true;
    const receiver = createWebhookReceiver({
      verifier,
      dedupe: createDeduplicator(),
      mode: 'acknowledge-first',
      handoffTimeout: '50ms',
      handle: async (_payload, { delivery }) => {
        if (hang) await new Promise(() => {});
        queue.push(delivery.id!);
      },
    });
    const signed = await signPeridio(releaseChangedBody());
    const timedOut = await receiver.receive(post(signed));
    expect([timedOut.status, json(timedOut.body)]).toEqual([503, { error: 'handoff_timeout' }]);
    hang = false;
    const retried = await receiver.receive(post(signed));
    expect(retried.status).toBe(200);
    expect(queue).toHaveLength(1);
  });

  it('acknowledge-first: a hand-off whose queue refuses the job (DedupeError store_unavailable) is answered 503, other errors 500', async () => {
    const errors: unknown[] = [];
    let refusal: Error = new DedupeError('store_unavailable', 'queue down', { cause: new Error('ECONNREFUSED') });
    const receiver = createWebhookReceiver({
      verifier,
      mode: 'acknowledge-first',
      handle: () => {
        throw refusal;
      },
      hooks: { onError: (error) => errors.push(error) },
    });
    const signed = await signPeridio(releaseChangedBody());
    const refused = await receiver.receive(post(signed));
    expect([refused.status, json(refused.body)]).toEqual([503, { error: 'store_unavailable' }]);
    expect(errors[0]).toBe(refusal);
    refusal = new Error('a bug in the hand-off');
    const failed = await receiver.receive(post(signed));
    expect([failed.status, json(failed.body)]).toEqual([500, { error: 'handler_failed' }]);
  });

  it('keeps answering when a hook throws, and maps a throwing parser to 500 internal_error', async () => {
    const receiver = createWebhookReceiver({
      verifier,
      events: {
        parse: () => {
          throw new Error('bug');
        },
      },
      handle: () => {},
      hooks: {
        onOutcome: () => {
          throw new Error('logger down');
        },
      },
    });
    const response = await receiver.receive(post(await signPeridio(releaseChangedBody())));
    expect([response.status, json(response.body)]).toEqual([500, { error: 'internal_error' }]);
  });

  it('answers 400 missing_dedupe_key for a verified delivery without an id, and refuses dedupe for senders without ids', async () => {
    const receiver = createWebhookReceiver({ verifier, dedupe: createDeduplicator(), handle: () => {} });
    const body = releaseChangedBody().replace(/"prn":"prn:1:[^"]+:event:[^"]+",/, '');
    const response = await receiver.receive(post(await signPeridio(body)));
    expect([response.status, json(response.body)]).toEqual([400, { error: 'missing_dedupe_key' }]);

    const noId = { ...verifier, sender: { ...verifier.sender, id: undefined } };
    expect(() => createWebhookReceiver({ verifier: noId, dedupe: createDeduplicator(), handle: () => {} })).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    );
  });

  // Issue #11, item 15: a GitHub receiver could not route on x-github-event.
  it('routes on an event type the sender names in a header, and shows handlers the headers read-only', async () => {
    const githubEvents = defineCatalog({
      name: 'github',
      eventType: { fromDelivery: true },
      events: {
        ping: z.looseObject({ zen: z.string() }),
        push: z.looseObject({ ref: z.string() }),
      },
    });
    const seen: unknown[] = [];
    const receiver = createWebhookReceiver({
      verifier: createVerifier(githubLike, { secret: 'gh' }),
      events: githubEvents,
      handle: createRouter(githubEvents, {
        push: (event, context: { headers: { get(name: string): string | null } }) => {
          seen.push([event.name, event.payload.ref, context.headers.get('X-GitHub-Delivery'), context.headers.get('x-absent')]);
          expect(Object.isFrozen(context.headers)).toBe(true);
          expect('set' in context.headers).toBe(false);
        },
      }),
    });
    const send = (event: string, body: string, headers: Record<string, string | string[]> = {}) =>
      receiver.receive({
        method: 'POST',
        body,
        headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', 'gh').update(body).digest('hex')}`, 'x-github-event': event, ...headers },
      });
    const pushed = await send('push', '{"ref":"refs/heads/main"}', { 'x-github-delivery': ['guid-1'] });
    expect(json(pushed.body)).toEqual({ status: 'processed' });
    expect(seen).toEqual([['push', 'refs/heads/main', 'guid-1', null]]);
    // The payload is checked against the schema of the event it is labelled as.
    expect(json((await send('ping', '{"ref":"refs/heads/main"}')).body)).toEqual({ error: 'invalid_event' });
    expect(json((await send('ping', '{"zen":"hi"}')).body)).toEqual({ status: 'unhandled' });
  });

  // Issue #11, item 12.
  it('answers 415 unsupported_encoding, with Accept-Encoding: identity, to a gzip body that does not verify', async () => {
    const receiver = createWebhookReceiver({ verifier, handle: () => {} });
    const signed = await signPeridio(releaseChangedBody());
    const response = await receiver.receive({
      method: 'POST',
      headers: { ...signed.headers, 'content-encoding': 'gzip' },
      body: Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0),
    });
    expect([response.status, json(response.body)]).toEqual([415, { error: 'unsupported_encoding' }]);
    expect(response.headers['accept-encoding']).toBe('identity');
  });

  it('accepts the real deduplicator as its dedupe runner', () => {
    const runner: DedupeRunner = createDeduplicator();
    expect(typeof runner.run).toBe('function');
  });
});
