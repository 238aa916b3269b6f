import { describe, expect, it } from 'vitest';
import { readRequestBody } from '../../../src/adapters/fetch/read-request-body.js';
import { countingStream } from '../../helpers/counting-stream.js';

const KiB = 1024;
const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/webhooks', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readRequestBody', () => {
  it('returns the exact bytes of a body streamed in chunks', async () => {
    const { stream } = countingStream({ totalBytes: 40 * KiB + 7, chunkBytes: 16 * KiB });
    const body = await readRequestBody(post(stream));
    expect(body).toBeInstanceOf(Uint8Array);
    expect(body.byteLength).toBe(40 * KiB + 7);
    expect(body.every((byte) => byte === 0x61)).toBe(true);
    await expect(readRequestBody(new Request('http://127.0.0.1/'))).resolves.toEqual(new Uint8Array(0));
  });

  it('stops at the limit: cancels the stream and pulls no more chunks than the limit needs', async () => {
    const { stream, use } = countingStream({ totalBytes: 64 * 1024 * KiB, chunkBytes: 16 * KiB });
    const reading = readRequestBody(post(stream), { maxBodyBytes: 64 * KiB });
    await expect(reading).rejects.toMatchObject({ name: 'WebhookVerificationError', code: 'body_too_large' });
    expect(use.cancelled).toBe(true);
    // 4 chunks fill the limit and a 5th crosses it; the stream may have queued one more ahead.
    expect(use.chunks).toBeLessThanOrEqual(6);
  });

  it('refuses a declared content-length over the limit without reading, and cancels the body', async () => {
    const { stream, use } = countingStream({ totalBytes: 8 * 1024 * KiB, chunkBytes: 16 * KiB });
    const reading = readRequestBody(post(stream, { 'content-length': String(2 * 1024 * KiB) }));
    await expect(reading).rejects.toMatchObject({ code: 'body_too_large', message: 'the body is larger than 1048576 bytes' });
    expect(use.cancelled).toBe(true);
    expect(use.chunks).toBeLessThanOrEqual(1);
  });

  it('gives up when the signal aborts, cancelling a stalled body', async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new Uint8Array([0x7b])),
      cancel: () => void (cancelled = true),
    });
    const controller = new AbortController();
    const reading = readRequestBody(post(stalled), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('too slow')), 20);
    await expect(reading).rejects.toThrow('too slow');
    expect(cancelled).toBe(true);
    // The deadline docs/deploying.md shows: the signal's own TimeoutError.
    const timed = readRequestBody(post(new ReadableStream({ start: () => {} })), { signal: AbortSignal.timeout(20) });
    await expect(timed).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('says when the body was already consumed, and refuses a limit that cannot work', async () => {
    const used = post('{"a":1}');
    await used.json();
    await expect(readRequestBody(used)).rejects.toMatchObject({ name: 'ConfigurationError', code: 'body_already_parsed' });
    await expect(readRequestBody(post('{}'), { maxBodyBytes: 0 })).rejects.toMatchObject({ code: 'invalid_option' });
  });
});
