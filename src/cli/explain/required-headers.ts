import type { Sender } from '../../core/sender.js';

/** A header the sender always sends, and what it is for. */
export interface RequiredHeader {
  readonly name: string;
  readonly role: string;
}

/** The header a sender's signatures come in, when they come in one. */
export function signatureHeaderOf(sender: Sender): string | undefined {
  return sender.signature.kind === 'body-field' ? undefined : sender.signature.header;
}

/** The headers a verifier reads for this sender, each once, signature header first. */
export function requiredHeaders(sender: Sender): RequiredHeader[] {
  const roles = new Map<string, string>();
  const signature = signatureHeaderOf(sender);
  if (signature !== undefined) roles.set(signature, 'it carries the signature');
  const ts = sender.timestamp?.source;
  if (ts?.kind === 'header') roles.set(ts.name, 'it carries the signing time, which is part of the signed content');
  const id = sender.id;
  if (id?.kind === 'header' && !roles.has(id.name)) {
    roles.set(id.name, 'it carries the delivery id, which is part of the signed content');
  }
  for (const part of sender.signedParts) {
    if (part.kind === 'header' && !roles.has(part.name)) roles.set(part.name, 'it is part of the signed content');
  }
  const type = sender.eventType;
  if (type?.kind === 'header' && !roles.has(type.name)) roles.set(type.name, 'it names the event type');
  return [...roles].map(([name, role]) => ({ name, role }));
}

// The signature headers of the senders the CLI knows, to recognise a delivery sent to the wrong check.
const KNOWN_SIGNATURE_HEADERS: Readonly<Record<string, string>> = {
  'peridio-signature': 'peridio',
  'webhook-signature': 'standard-webhooks',
  'x-edgesense-signature': 'edgesense',
  'stripe-signature': 'stripe',
  'x-hub-signature-256': 'github',
};

/** Names of other known senders whose signature header the delivery carries. */
export function otherSendersPresent(sender: Sender, headerNames: readonly string[]): string[] {
  const found: string[] = [];
  for (const name of headerNames) {
    const other = KNOWN_SIGNATURE_HEADERS[name];
    if (other !== undefined && other !== sender.name && name !== signatureHeaderOf(sender)) found.push(other);
  }
  return found;
}
