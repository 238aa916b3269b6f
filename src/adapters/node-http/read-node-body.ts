import { concatChunks } from '../fetch/read-web-stream.js';

/**
 * The part of Node's `IncomingMessage` (and of any Node `Readable`) the body reader uses.
 *
 * @example
 * ```ts
 * import type { NodeReadableLike } from 'hookverify/express';
 *
 * // Node's IncomingMessage is one.
 * const stream: NodeReadableLike = req;
 * ```
 */
export interface NodeReadableLike {
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

const encoder = new TextEncoder();

/**
 * Reads a Node request stream up to `maxBytes`: the bytes, or `undefined` as soon as more have
 * arrived. Past the limit nothing more is kept: the rest is drained and dropped, so that the
 * client, still sending, can read the 413 instead of a reset connection (Node does the same
 * with a body nobody reads). It takes no abort signal: past the receiver's body deadline the
 * adapter answers 408 and closes the connection, and the stream's `close` ends the read and
 * drops what arrived. Written against a structural type so that it loads on every runtime.
 */
export function readNodeBody(stream: NodeReadableLike, maxBytes: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    // The listeners stay attached once settled: `data` keeps draining, and a late `error` (the
    // client going away mid-drain) must find a listener rather than crash the process.
    stream.on('data', (chunk) => {
      if (settled) return;
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      total += bytes.byteLength;
      if (total > maxBytes) {
        settled = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(bytes);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(concatChunks(chunks, total));
    });
    stream.on('close', () => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      reject(new Error('the request closed before its body was complete'));
    });
    stream.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}
