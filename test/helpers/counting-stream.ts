// A request body that is generated as it is read and records how it was consumed, so a test can
// tell a reader that stops at its limit from one that buffers everything first.

export interface StreamUse {
  /** Chunks handed to the reader so far (each one pulled from the source). */
  chunks: number;
  bytes: number;
  cancelled: boolean;
}

/**
 * `totalBytes` of ASCII `a` in fresh `chunkBytes` chunks, made only when pulled. `pause` yields
 * to the event loop before each chunk, as a network does (timers then run between chunks).
 */
export function countingStream(options: { totalBytes: number; chunkBytes: number; pause?: boolean }): {
  stream: ReadableStream<Uint8Array>;
  use: StreamUse;
} {
  const use: StreamUse = { chunks: 0, bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.pause) await new Promise((resolve) => setImmediate(resolve));
      const size = Math.min(options.chunkBytes, options.totalBytes - use.bytes);
      if (size <= 0) {
        controller.close();
        return;
      }
      use.chunks++;
      use.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      use.cancelled = true;
    },
  });
  return { stream, use };
}
