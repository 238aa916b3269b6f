import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readNodeBody } from '../../../src/adapters/node-http/read-node-body.js';

describe('readNodeBody', () => {
  it('joins chunks, strings as UTF-8, into the exact bytes', async () => {
    const stream = new PassThrough();
    const reading = readNodeBody(stream, 100);
    stream.write(Buffer.from([0xe2, 0x98]));
    stream.write(Buffer.from([0x83]));
    stream.end();
    expect(Buffer.from((await reading)!).toString('utf8')).toBe('☃');
  });

  it('stops keeping bytes past the limit, keeps draining, and survives a late error', async () => {
    const stream = new PassThrough();
    const reading = readNodeBody(stream, 4);
    stream.write('abc');
    stream.write('de');
    await expect(reading).resolves.toBeUndefined();
    stream.write('more');
    // Drained, not buffered: the stream is still flowing.
    expect(stream.readableFlowing).toBe(true);
    expect(stream.readableLength).toBe(0);
    stream.destroy(new Error('client went away'));
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('rejects when the stream errors or closes before its end', async () => {
    const failing = new PassThrough();
    const failed = readNodeBody(failing, 100);
    failing.destroy(new Error('ECONNRESET'));
    await expect(failed).rejects.toThrow('ECONNRESET');

    const closing = new PassThrough();
    const closed = readNodeBody(closing, 100);
    closing.destroy();
    await expect(closed).rejects.toThrow('closed before its body was complete');
  });
});
