// The limits the README promises, as the numbers it prints, from both sides. The other tests
// use the constants, so they would pass if a constant changed; these would not.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createExpressHandler } from '../../src/adapters/express/index.js';
import { createWebhookReceiver } from '../../src/core/pipeline/create-webhook-receiver.js';
import { createPeridioVerifier } from '../../src/senders/peridio/verifier.js';
import { standardWebhooks } from '../../src/senders/standard-webhooks/sender.js';
import { createStandardWebhooksVerifier } from '../../src/senders/standard-webhooks/verifier.js';
import { signDelivery } from '../../src/testing/sign-delivery.js';
import { PERIDIO_SECRET, releaseChangedBody, signPeridio } from '../adapters/fixtures.js';
import { served } from '../adapters/serve-node.js';
import type { MountedReceiver } from '../adapters/shared-suite.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const verifier = createStandardWebhooksVerifier({ secret: SECRET });
const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

async function outcome(signed: { body: string | Uint8Array; headers: Record<string, string> }): Promise<string> {
  const result = await verifier.safeVerify(signed);
  return result.ok ? 'ok' : result.code;
}

/** A JSON body of exactly `size` bytes. */
function jsonOfSize(size: number): string {
  const empty = '{"pad":""}';
  return `{"pad":"${'x'.repeat(size - empty.length)}"}`;
}

/** A Peridio event of exactly `size` bytes (its fixture has non-ASCII text: bytes, not characters). */
function peridioBodyOfSize(size: number): string {
  const withPad = (pad: string) => releaseChangedBody().replace('"version":1', `"version":1, "pad":"${pad}"`);
  const body = withPad('y'.repeat(size - bytes(withPad(''))));
  expect(bytes(body)).toBe(size);
  return body;
}

describe('README: "over 8 KiB" is a malformed header', () => {
  // webhook-id is signed, so a long one is a real, verifiable delivery.
  const signedWithId = (length: number) => signDelivery(standardWebhooks, { secret: SECRET, body: '{}', id: `msg_${'a'.repeat(length - 4)}` });

  it('accepts a header of 8192 characters', async () => {
    const signed = await signedWithId(8192);
    expect(signed.headers['webhook-id']).toHaveLength(8192);
    expect(await outcome(signed)).toBe('ok');
  });

  it('refuses one of 8193 characters, correctly signed, as malformed_header', async () => {
    const signed = await signedWithId(8193);
    expect(signed.headers['webhook-id']).toHaveLength(8193);
    expect(await outcome(signed)).toBe('malformed_header');
  });
});

describe('README: "more than 16 signatures" is a malformed header', () => {
  const forged = () => `v1,${randomBytes(32).toString('base64')}`;
  async function withSignatures(count: number, validAt: 'first' | 'last') {
    const signed = await signDelivery(standardWebhooks, { secret: SECRET, body: '{}' });
    const others = Array.from({ length: count - 1 }, forged);
    const valid = signed.headers['webhook-signature']!;
    const all = validAt === 'first' ? [valid, ...others] : [...others, valid];
    return { ...signed, headers: { ...signed.headers, 'webhook-signature': all.join(' ') } };
  }

  it('accepts 16 signatures, the valid one last', async () => {
    expect(await outcome(await withSignatures(16, 'last'))).toBe('ok');
  });

  it('refuses 17, even with the valid one first', async () => {
    expect(await outcome(await withSignatures(17, 'first'))).toBe('malformed_header');
  });
});

describe('README: bodies over 1 MiB (1,048,576 bytes) are refused by default', () => {
  it('the verifier accepts 1,048,576 bytes and refuses 1,048,577 as body_too_large', async () => {
    const atLimit = await signDelivery(standardWebhooks, { secret: SECRET, body: jsonOfSize(1_048_576) });
    expect(bytes(atLimit.body as string)).toBe(1_048_576);
    expect(await outcome(atLimit)).toBe('ok');
    const over = await signDelivery(standardWebhooks, { secret: SECRET, body: jsonOfSize(1_048_577) });
    expect(await outcome(over)).toBe('body_too_large');
    // Bytes, not characters: 524,290 characters, 1,048,578 bytes.
    const wide = await signDelivery(standardWebhooks, { secret: SECRET, body: `"${'é'.repeat(524_288)}"` });
    expect([bytes(wide.body as string), await outcome(wide)]).toEqual([1_048_578, 'body_too_large']);
  });

  describe('the receiver, behind Express on 127.0.0.1', () => {
    let target: MountedReceiver;
    let handled = 0;

    beforeAll(async () => {
      const receiver = createWebhookReceiver({
        verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
        handle: () => {
          handled++;
        },
      });
      const app = express();
      app.all('/webhooks', createExpressHandler(receiver));
      target = await served(app.listen(0, '127.0.0.1') as Server, '/webhooks');
    });
    afterAll(() => target.close());

    it('processes 1,048,576 bytes', async () => {
      const signed = await signPeridio(peridioBodyOfSize(1_048_576));
      const response = await target.send({ method: 'POST', headers: signed.headers, body: signed.body });
      expect([response.status, response.body]).toEqual([200, '{"status":"processed"}']);
      expect(handled).toBe(1);
    });

    it('refuses 1,048,577 bytes with 413, declared or streamed without content-length', async () => {
      const signed = await signPeridio(peridioBodyOfSize(1_048_577));
      const declared = await target.send({ method: 'POST', headers: signed.headers, body: signed.body });
      expect([declared.status, declared.body]).toEqual([413, '{"error":"body_too_large"}']);
      const encoded = new TextEncoder().encode(signed.body as string);
      const streamed = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < encoded.byteLength; at += 65_536) controller.enqueue(encoded.slice(at, at + 65_536));
          controller.close();
        },
      });
      const chunked = await target.send({ method: 'POST', headers: signed.headers, body: streamed });
      expect([chunked.status, chunked.body]).toEqual([413, '{"error":"body_too_large"}']);
      expect(handled).toBe(1);
    });
  });
});

describe('README: acknowledge-first waits "handoffTimeout (default 5 s)" for the hand-off', () => {
  it('still waits at 4,999 ms and answers 503 handoff_timeout at 5,000 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let handedOff!: () => void;
      const called = new Promise<void>((resolve) => (handedOff = resolve));
      const receiver = createWebhookReceiver({
        verifier: createPeridioVerifier({ secret: PERIDIO_SECRET }),
        mode: 'acknowledge-first',
        handle: () => {
          handedOff();
          return new Promise<never>(() => {});
        },
      });
      const signed = await signPeridio(releaseChangedBody());
      let answered: { status: number; body: string } | undefined;
      void receiver.receive({ method: 'POST', headers: signed.headers, body: signed.body }).then((response) => (answered = response));
      await called;
      await vi.advanceTimersByTimeAsync(4_999);
      expect(answered).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(answered && [answered.status, answered.body]).toEqual([503, '{"error":"handoff_timeout"}']);
    } finally {
      vi.useRealTimers();
    }
  });
});
