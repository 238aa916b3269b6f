import { decodeUtf8 } from '../../core/encoding.js';
import { formatTimestamp } from '../../core/timestamps.js';
import { signDelivery } from '../../testing/sign-delivery.js';
import { checkSecrets } from '../check-secrets.js';
import { COMMON_EXIT_HELP, EXIT_CODES, usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { formatCurl, type CurlBody } from '../format-curl.js';
import type { Output } from '../output.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parseInstant } from '../parse-time-option.js';
import { readBytes } from '../read-bytes.js';
import { readSecrets, SECRET_HELP, SECRET_OPTIONS } from '../read-secrets.js';
import { resolveSender, SENDER_HELP, SENDER_OPTIONS } from '../resolve-sender.js';
import { checkEventNames, defaultEventName, sampleEvent } from '../sample-body.js';

export const DEFAULT_URL = 'http://127.0.0.1:3000/webhooks';

const OPTIONS = {
  ...SECRET_OPTIONS,
  ...SENDER_OPTIONS,
  body: { type: 'string' },
  timestamp: { type: 'string' },
  id: { type: 'string' },
  curl: { type: 'boolean' },
  url: { type: 'string' },
} as const;

const HELP = `Usage: hookverify sign <sender> [event-type] [--body FILE] [secret] [--curl [--url URL]]

Signs a body the way the sender does and prints the headers it would send. Without --body it
generates a sample event of the given type (default: peridio webhook.test-fire, edgesense
device.data, standard-webhooks webhook.test) and prints the headers, an empty line and the
body: a raw request that \`hookverify verify <sender> --request FILE\` reads back.

  --body FILE        sign this file byte for byte ("-" reads stdin) instead of a sample event
  --timestamp TIME   signing time (RFC 3339 or Unix time; default now): the timestamp header, or
                     for EdgeSense the sample event's "timestamp" field
  --id ID            the id header for senders that send one (standard-webhooks: webhook-id)
  --curl             print a ready curl command instead
  --url URL          where the curl command posts (default ${DEFAULT_URL})
  --json             print { sender, event, headers, body } as JSON

${SECRET_HELP}

${SENDER_HELP}

Exit codes: 0 signed, 2 usage error, 3 unreadable input or undecodable secret.
${COMMON_EXIT_HELP}

Examples:
  hookverify sign peridio device.release-changed --secret-env PERIDIO_SECRET --curl
  hookverify sign edgesense --body reading.json --secret-file ./edgesense.secret`;

function curlBody(path: string | undefined, body: string | Uint8Array): CurlBody {
  if (path !== undefined && path !== '-') return { file: path };
  const text = typeof body === 'string' ? body : decodeUtf8(body);
  // A shell argument cannot carry NUL, and curl reads a leading "@" as a file name.
  if (text === undefined || text.includes('\0') || text.startsWith('@')) {
    throw usageError('this body cannot be passed inline to curl: save it to a file and pass --body FILE');
  }
  return { text };
}

async function run(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('sign', args, OPTIONS, 2);
  const { kind, name, sender } = await resolveSender(positionals[0], values['signature-header']);
  if (values.body !== undefined && positionals[1] !== undefined) throw usageError('give an event type or --body, not both');
  if (values.url !== undefined && !values.curl) throw usageError('--url is for --curl');
  if (values.id !== undefined && sender.id?.kind !== 'header') {
    throw usageError(`${name} sends no id header; --id does not apply`);
  }
  const timestamp = parseInstant(values.timestamp, '--timestamp');
  const secrets = readSecrets(values, output);
  checkSecrets(secrets, sender);
  const eventName = values.body === undefined ? checkEventNames(kind, [positionals[1] ?? defaultEventName(kind)])[0]! : undefined;
  const bodyTime = sender.timestamp?.source.kind === 'body-field' ? { field: sender.timestamp.source, format: sender.timestamp.format } : undefined;
  if (bodyTime && timestamp !== undefined && values.body !== undefined) {
    throw usageError(`${name} carries its time inside the body ("${bodyTime.field.path}"): edit the body instead of passing --timestamp`);
  }
  let body: string | Uint8Array;
  if (values.body !== undefined) body = readBytes(values.body, 'the body');
  else {
    const event = sampleEvent(kind, eventName!) as Record<string, unknown>;
    // The built-in body-timestamp sender (EdgeSense) keeps it at the top level of its envelope.
    if (bodyTime && timestamp !== undefined) event[bodyTime.field.path] = formatTimestamp(timestamp, bodyTime.format);
    body = JSON.stringify(event);
  }
  const signed = await signDelivery(sender, {
    secrets,
    body,
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(values.id === undefined ? {} : { id: values.id }),
    // Senders that name the event type in a header (GitHub's x-github-event) get the one signed.
    eventType: eventName ?? defaultEventName(kind),
  });
  if (values.curl) {
    output.out(formatCurl(values.url ?? DEFAULT_URL, signed.headers, curlBody(values.body, signed.body)));
  } else if (values.json) {
    const text = typeof signed.body === 'string' ? signed.body : decodeUtf8(signed.body);
    output.json({
      sender: name,
      event: eventName ?? null,
      headers: signed.headers,
      ...(text === undefined ? { bodyBase64: Buffer.from(signed.body).toString('base64') } : { body: text }),
    });
  } else {
    for (const [header, value] of Object.entries(signed.headers)) output.out(`${header}: ${value}`);
    if (values.body === undefined) {
      // content-length frames the body as HTTP does, so the newline that ends the output (or
      // that an editor adds when it is saved) is not taken for part of the body by \`verify --request\`.
      output.out(`content-length: ${Buffer.byteLength(signed.body as string)}\n\n${signed.body as string}`);
    }
  }
  return EXIT_CODES.ok;
}

/** `hookverify sign`: sign a body or a sample event and print the headers or a curl command. */
export const signCommand: Command = { name: 'sign', summary: 'sign a body or a sample event; print headers or a curl command', help: HELP, run };
