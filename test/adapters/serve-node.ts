import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWithFetch, type MountedReceiver } from './shared-suite.js';

/** A listening server as a mounted receiver reached with fetch at `path`. */
export async function served(server: Server, path: string): Promise<MountedReceiver> {
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${path}`;
  return {
    port,
    path,
    url,
    send: (request) => sendWithFetch(url, request),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
