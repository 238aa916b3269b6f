import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineSender, type Sender, type SenderDefinition } from '../core/sender.js';
import { edgesenseSender } from '../senders/edgesense/sender.js';
import { github } from '../senders/github/sender.js';
import { peridio } from '../senders/peridio/sender.js';
import { standardWebhooks } from '../senders/standard-webhooks/sender.js';
import { stripe } from '../senders/stripe/sender.js';
import { inputError, usageError } from './cli-error.js';

/** The senders the CLI knows, by the name used on the command line. */
export const SENDER_NAMES = ['peridio', 'edgesense', 'standard-webhooks', 'stripe', 'github'] as const;
export type SenderName = (typeof SENDER_NAMES)[number];
/** A built-in sender, or one described in the user's own module. */
export type SenderKind = SenderName | 'custom';

export const SENDER_OPTIONS = {
  'signature-header': { type: 'string' },
} as const;

export const SENDER_HELP = `Senders: ${SENDER_NAMES.join(', ')}, or the path of a module (./acme-sender.mjs) whose
default export is a sender described as for defineSender() (a plain object is enough)
or composed with composeSender()
  --signature-header NAME   EdgeSense only: the header that carries the signature
                            (default x-edgesense-signature; EdgeSense does not document it)`;

export interface ResolvedSender {
  readonly kind: SenderKind;
  /** The name reports use: the built-in name, or the custom sender's own. */
  readonly name: string;
  readonly sender: Sender;
}

function isSenderName(name: string): name is SenderName {
  return (SENDER_NAMES as readonly string[]).includes(name);
}

function looksLikeModule(name: string): boolean {
  return /[\\/]/.test(name) || /\.[cm]?js$/.test(name);
}

function isDescription(value: unknown): value is SenderDefinition | Sender {
  // A plain description (defineSender's input) or a composed sender (composeSender's output).
  return value !== null && typeof value === 'object' && 'signature' in value && ('signedContent' in value || 'signedParts' in value);
}

async function loadCustomSender(path: string): Promise<Sender> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  } catch (error) {
    throw inputError(`cannot load the sender module ${path}: ${(error as Error).message}`);
  }
  const candidates = isDescription(module['default']) ? [module['default']] : Object.values(module).filter(isDescription);
  if (candidates.length !== 1) {
    throw usageError(`${path} must export one sender description (as its default export); found ${candidates.length}`);
  }
  const found = candidates[0]!;
  // Validated here exactly as the library validates it, a composed sender too: an object that
  // only looks composed must not skip the composer's rules.
  return defineSender(found as SenderDefinition);
}

/** The sender a command-line name stands for; unknown names are a usage error. */
export async function resolveSender(name: string | undefined, signatureHeader?: string): Promise<ResolvedSender> {
  if (name === undefined) throw usageError(`which sender? one of ${SENDER_NAMES.join(', ')}, or a sender module's path`);
  if (signatureHeader !== undefined && name !== 'edgesense') throw usageError('--signature-header applies only to edgesense');
  if (!isSenderName(name)) {
    if (!looksLikeModule(name)) {
      throw usageError(`unknown sender ${JSON.stringify(name)}; expected one of ${SENDER_NAMES.join(', ')}, or a sender module's path`);
    }
    const sender = await loadCustomSender(name);
    return { kind: 'custom', name: sender.name, sender };
  }
  switch (name) {
    case 'peridio':
      return { kind: name, name, sender: peridio };
    case 'standard-webhooks':
      return { kind: name, name, sender: standardWebhooks };
    case 'stripe':
      return { kind: name, name, sender: stripe };
    case 'github':
      return { kind: name, name, sender: github };
    case 'edgesense':
      return { kind: name, name, sender: edgesenseSender(signatureHeader === undefined ? {} : { signatureHeader }) };
  }
}
