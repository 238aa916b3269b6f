import type { Sender } from '../core/sender.js';
import { edgesenseSender } from '../senders/edgesense/sender.js';
import { peridio } from '../senders/peridio/sender.js';
import { standardWebhooks } from '../senders/standard-webhooks/sender.js';
import { usageError } from './cli-error.js';

/** The senders the CLI knows, by the name used on the command line. */
export const SENDER_NAMES = ['peridio', 'edgesense', 'standard-webhooks'] as const;
export type SenderName = (typeof SENDER_NAMES)[number];

export const SENDER_OPTIONS = {
  'signature-header': { type: 'string' },
} as const;

export const SENDER_HELP = `Senders: ${SENDER_NAMES.join(', ')}
  --signature-header NAME   EdgeSense only: the header that carries the signature
                            (default x-edgesense-signature; EdgeSense does not document it)`;

export function isSenderName(name: string | undefined): name is SenderName {
  return (SENDER_NAMES as readonly string[]).includes(name ?? '');
}

/** The sender a command-line name stands for; unknown names are a usage error. */
export function resolveSender(name: string | undefined, signatureHeader?: string): { name: SenderName; sender: Sender } {
  if (name === undefined) throw usageError(`which sender? one of ${SENDER_NAMES.join(', ')}`);
  if (!isSenderName(name)) throw usageError(`unknown sender ${JSON.stringify(name)}; expected one of ${SENDER_NAMES.join(', ')}`);
  if (signatureHeader !== undefined && name !== 'edgesense') {
    throw usageError('--signature-header applies only to edgesense');
  }
  switch (name) {
    case 'peridio':
      return { name, sender: peridio };
    case 'standard-webhooks':
      return { name, sender: standardWebhooks };
    case 'edgesense':
      return { name, sender: edgesenseSender(signatureHeader === undefined ? {} : { signatureHeader }) };
  }
}
