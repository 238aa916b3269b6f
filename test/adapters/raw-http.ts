// HTTP/1.1 over a bare socket, for what fetch cannot do: send a body a few bytes at a time, or
// stop sending it, and see when the server answers and whether it closes the connection.
import { connect } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Milliseconds from the first byte sent to the complete answer. */
  readonly answeredAfterMs: number;
  /** Whether the server closed the connection (within `closeWaitMs` of its answer). */
  readonly closedByServer: boolean;
}

export interface RawRequest {
  readonly port: number;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** Pieces of the body, written one by one `intervalMs` apart; `content-length` is their total unless `declaredLength` says otherwise. */
  readonly pieces: readonly string[];
  readonly intervalMs: number;
  /** A length larger than the pieces: the body never completes. */
  readonly declaredLength?: number;
  readonly closeWaitMs?: number;
}

function parse(raw: Buffer): { status: number; headers: Record<string, string>; body: Buffer } | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.subarray(end + 4);
  if (body.byteLength < Number(headers['content-length'] ?? 0)) return undefined;
  return { status: Number(statusLine!.split(' ')[1]), headers, body };
}

/** Sends one request piece by piece and resolves with the answer once it is complete. */
export function rawRequest(request: RawRequest): Promise<RawAnswer> {
  const length = request.declaredLength ?? request.pieces.reduce((total, piece) => total + Buffer.byteLength(piece), 0);
  const head =
    `POST ${request.path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: ${length}\r\n` +
    Object.entries(request.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';
  return new Promise((resolve, reject) => {
    const socket = connect(request.port, '127.0.0.1');
    const started = Date.now();
    let received = Buffer.alloc(0);
    let answer: Omit<RawAnswer, 'closedByServer'> | undefined;
    let next = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const done = (closedByServer: boolean) => {
      clearInterval(timer);
      socket.destroy();
      if (answer) resolve({ ...answer, closedByServer });
      else reject(new Error(`no complete answer; received: ${received.toString('latin1').slice(0, 300)}`));
    };
    // The pieces follow the head, never overtake it: the interval starts once it is written.
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (next < request.pieces.length && socket.writable) socket.write(request.pieces[next++]!);
      }, request.intervalMs);
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (answer) return;
      const parsed = parse(received);
      if (!parsed) return;
      answer = { status: parsed.status, headers: parsed.headers, body: parsed.body.toString('utf8'), answeredAfterMs: Date.now() - started };
      clearInterval(timer);
      setTimeout(() => done(false), request.closeWaitMs ?? 1000).unref();
    });
    // 'end': the server's FIN; 'close' follows it, or an error (a reset) when it destroyed the socket.
    socket.on('end', () => done(true));
    socket.on('error', () => done(answer !== undefined));
    socket.on('close', () => done(answer !== undefined));
  });
}
