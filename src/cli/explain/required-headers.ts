import type { Sender } from '../../core/sender.js';

/** A header the sender always sends, and what it is for. */
export interface RequiredHeader {
  readonly name: string;
  readonly role: string;
}

/** The headers a verifier reads for this sender, each once, signature header first. */
export function requiredHeaders(sender: Sender): RequiredHeader[] {
  const roles = new Map<string, string>();
  roles.set(sender.signature.header, 'it carries the signature');
  const ts = sender.timestamp;
  if (ts && 'header' in ts) roles.set(ts.header, 'it carries the signing time, which is part of the signed content');
  const id = sender.id;
  if (id && typeof id === 'object' && 'header' in id && !roles.has(id.header)) {
    roles.set(id.header, 'it carries the delivery id, which is part of the signed content');
  }
  for (const part of sender.signedParts) {
    if (part.kind === 'header' && !roles.has(part.name)) roles.set(part.name, 'it is part of the signed content');
  }
  return [...roles].map(([name, role]) => ({ name, role }));
}

// The signature headers of the senders the CLI knows, to recognise a delivery sent to the wrong check.
const KNOWN_SIGNATURE_HEADERS: Readonly<Record<string, string>> = {
  'peridio-signature': 'peridio',
  'webhook-signature': 'standard-webhooks',
  'x-edgesense-signature': 'edgesense',
};

/** Names of other known senders whose signature header the delivery carries. */
export function otherSendersPresent(sender: Sender, headerNames: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of headerNames) {
    const other = KNOWN_SIGNATURE_HEADERS[name];
    if (other !== undefined && other !== sender.name && name !== sender.signature.header) found.push(other);
  }
  return found;
}
