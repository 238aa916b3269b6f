// Deliveries shared by the pipeline tests and the adapter suite.
import { peridio } from '../../src/senders/peridio/sender.js';
import { signDelivery, type SignedDelivery } from '../../src/testing/sign-delivery.js';

export const PERIDIO_SECRET = '5F2D0B5C4A1E49E6B0A6C3D1E2F40718';
export const PERIDIO_OLD_SECRET = 'B284A51B143841695B2D7BF3B8554731';

const ORG = '4e33149b-637d-4679-b64f-4905e7a0cf8c';
let counter = 0;

/** A fresh event PRN, so that tests sharing a store never collide. */
export function eventPrn(): string {
  counter++;
  const tail = `${Date.now().toString(16).padStart(12, '0')}`.slice(-12);
  return `prn:1:${ORG}:event:5b7e1a0c-2f43-4d0e-${(counter % 0xffff).toString(16).padStart(4, '0')}-${tail}`;
}

/**
 * A `device.release-changed` body written the way no serializer writes it: non-ASCII text,
 * odd whitespace, a trailing newline and keys out of order. Re-serializing it changes its bytes,
 * so only a receiver that hashes what arrived accepts it.
 */
export function releaseChangedBody(prn = eventPrn(), identifier = 'Gerät-Ωmega ☃'): string {
  return (
    `{ "data" : {"type":"release_changed",  "data": {"to_release":{"version":"2.0.0","prn":"prn:1:${ORG}:release:77aa"},` +
    `"from_release":null,"device":{"identifier":${JSON.stringify(identifier)},"prn":"prn:1:${ORG}:device:9c1b"}}},\n` +
    `\t"prn":"${prn}", "version":1, "type":"device", "inserted_at":"${new Date().toISOString()}" }\n`
  );
}

/** A body of an event type no catalog knows (Peridio's SDK names it; the docs do not). */
export function auditLogBody(prn = eventPrn()): string {
  return JSON.stringify({ version: 1, prn, type: 'audit_log', inserted_at: new Date().toISOString(), data: { type: 'api_request', data: {} } });
}

export function signPeridio(body: string, options: { timestamp?: number; secrets?: string[] } = {}): Promise<SignedDelivery> {
  return signDelivery(peridio, {
    ...(options.secrets ? { secrets: options.secrets } : { secret: PERIDIO_SECRET }),
    body,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
}
