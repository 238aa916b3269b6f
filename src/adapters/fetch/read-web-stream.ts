/** Concatenates chunks into one array; a single chunk is returned as it is, uncopied. */
export function concatChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a Fetch body stream up to `maxBytes`: the bytes, or `undefined` as soon as more have
 * arrived, after cancelling the stream so nothing more is read. When `signal` aborts, the
 * stream is cancelled too and the promise rejects with the signal's reason.
 */
export async function readWebStream(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array | undefined> {
  signal?.throwIfAborted();
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  // Cancelling settles a pending read() as done, so a stalled sender cannot hold the loop.
  const abandon = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', abandon, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener('abort', abandon);
    reader.releaseLock();
  }
  return concatChunks(chunks, total);
}
