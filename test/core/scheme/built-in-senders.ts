// Every sender value the sender entries export, for the tests that prove built-ins sound.
import { join } from 'node:path';
import { entries } from '../../../scripts/entries.mjs';
import type { Sender } from '../../../src/core/scheme/compose-sender.js';
import { edgesenseSender } from '../../../src/senders/edgesense/sender.js';

const isSender = (value: unknown): value is Sender =>
  value !== null && typeof value === 'object' && 'signedParts' in value && 'algorithm' in value;

/** Every sender value the sender entries export, once each, with where it comes from. */
export async function builtInSenders(): Promise<Map<Sender, string>> {
  const found = new Map<Sender, string>();
  for (const [subpath, source] of Object.entries(entries)) {
    if (!source.startsWith('src/senders/')) continue;
    const module = (await import(join(process.cwd(), source))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (isSender(value) && !found.has(value)) found.set(value, `hookverify${subpath.slice(1)} ${name}`);
  }
  // A factory's senders, with a user-chosen option too.
  found.set(edgesenseSender({ signatureHeader: 'x-signature' }), 'edgesenseSender({ signatureHeader })');
  return found;
}
