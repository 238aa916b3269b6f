import { readFileSync } from 'node:fs';
import { DEFAULT_MAX_BODY_BYTES } from '../../core/body.js';
import { formatTimestamp } from '../../core/timestamps.js';
import { checkSecrets } from '../check-secrets.js';
import { COMMON_EXIT_HELP, EXIT_CODES, inputError, usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import { explainFailure, VERIFY_STEPS } from '../explain/explain-failure.js';
import { formatDuration } from '../explain/format-duration.js';
import { verifyWith, type VerifyRun } from '../explain/verify-run.js';
import type { Output } from '../output.js';
import { parseCommandArgs, positiveInteger } from '../parse-command-args.js';
import { parseHeaderLines, parseHeadersFile, splitRequest, toHeadersInput, type CapturedHeaders } from '../parse-header-lines.js';
import { parseDurationOption, parseInstant } from '../parse-time-option.js';
import { readBytes } from '../read-bytes.js';
import { readSecrets, SECRET_HELP, SECRET_OPTIONS } from '../read-secrets.js';
import { resolveSender, SENDER_HELP, SENDER_OPTIONS } from '../resolve-sender.js';

const OPTIONS = {
  ...SECRET_OPTIONS,
  ...SENDER_OPTIONS,
  headers: { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  body: { type: 'string' },
  request: { type: 'string' },
  tolerance: { type: 'string' },
  now: { type: 'string' },
  'max-body-bytes': { type: 'string' },
} as const;

const HELP = `Usage: hookverify verify <sender> [--headers FILE | -H "Name: value"...] --body FILE [secret]
       hookverify verify <sender> --request FILE [secret]

Checks a captured delivery with the library's verifier and, when it is refused, explains which
step failed and why: a missing header, how far the timestamp is outside the replay window and
in which direction, how many signatures the header held, and whether the body was
re-serialized (a compact or pretty-printed form of it verifies when it does not).

Input:
  --headers FILE        headers as raw "Name: value" lines (curl -v, a proxy log) or a JSON object
  -H, --header "N: V"   one header (repeatable; added to --headers)
  --body FILE           the raw body, byte for byte ("-" reads stdin)
  --request FILE        a raw HTTP request: headers, an empty line, then the body
                        (what \`hookverify sign\` prints for a sample event)

${SECRET_HELP}

Checks:
  --tolerance DURATION  replay window each way ("90s", "1h" or seconds; default the sender's:
                        5m, EdgeSense 1d)
  --now TIME            check as of this time (RFC 3339 or Unix time): for deliveries captured earlier
  --max-body-bytes N    largest body accepted (default ${DEFAULT_MAX_BODY_BYTES})
  --json                print the verdict and diagnosis as JSON

${SENDER_HELP}

Steps, in order: ${VERIFY_STEPS.join(', ')}.
Exit codes: 0 verified, 1 refused, 2 usage error, 3 unreadable input or undecodable secret.
${COMMON_EXIT_HELP}

Example:
  hookverify verify peridio --headers headers.txt --body body.json --secret-env PERIDIO_SECRET`;

/**
 * In a raw request the body is exactly content-length bytes, as HTTP frames it: what follows
 * (the newline an editor adds when saving) is not part of it. A shorter body is left alone for
 * the diagnosis to report.
 */
function frameByContentLength(body: Uint8Array, headers: CapturedHeaders): Uint8Array {
  const lengths = headers['content-length'];
  const length = lengths?.length === 1 && /^\d+$/.test(lengths[0]!) ? Number(lengths[0]) : undefined;
  return length !== undefined && body.byteLength > length ? body.subarray(0, length) : body;
}

function readHeaderInputs(values: { headers?: string | undefined; header?: string[] | undefined; request?: string | undefined; body?: string | undefined }) {
  if (values.request !== undefined && (values.headers !== undefined || values.body !== undefined)) {
    throw usageError('--request holds headers and body: do not combine it with --headers or --body');
  }
  let headers: CapturedHeaders = {};
  let body: Uint8Array | undefined;
  let bodySource: string | undefined;
  if (values.request !== undefined) {
    const split = splitRequest(readBytes(values.request, 'the request'));
    headers = parseHeaderLines(split.head, values.request);
    body = frameByContentLength(split.body, headers);
    bodySource = `the body of the request in ${values.request}`;
  } else if (values.headers !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.headers, 'utf8');
    } catch (error) {
      throw inputError(`cannot read the headers from ${values.headers}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    headers = parseHeadersFile(text, values.headers);
  }
  (values.header ?? []).forEach((line, index) => parseHeaderLines(line, `-H #${index + 1}`, headers));
  if (values.body !== undefined) {
    body = readBytes(values.body, 'the body');
    bodySource = values.body === '-' ? 'the body read from stdin' : `the body file ${values.body}`;
  }
  if (body === undefined || bodySource === undefined) throw usageError('no body: pass --body FILE (or - for stdin), or --request FILE');
  if (Object.keys(headers).length === 0 && values.request === undefined && values.headers === undefined && (values.header ?? []).length === 0) {
    throw usageError('no headers: pass --headers FILE or -H "Name: value"');
  }
  return { headers: toHeadersInput(headers), body, bodySource };
}

async function run(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', args, OPTIONS, 1);
  const { name, sender } = await resolveSender(positionals[0], values['signature-header']);
  const secrets = readSecrets(values, output);
  checkSecrets(secrets, sender);
  const { headers, body, bodySource } = readHeaderInputs(values);
  const verifyRun: VerifyRun = {
    sender,
    secrets,
    body,
    bodySource,
    headers,
    nowMs: parseInstant(values.now, '--now') ?? Date.now(),
    toleranceMs: parseDurationOption(values.tolerance, '--tolerance', sender.tolerance ?? '5m'),
    maxBodyBytes: positiveInteger(values['max-body-bytes'], '--max-body-bytes', DEFAULT_MAX_BODY_BYTES),
  };
  const outcome = await verifyWith(verifyRun);
  if (outcome.ok) {
    const { delivery } = outcome;
    const matched = delivery.matchedSecret;
    const secretName = matched.label ?? `secret #${matched.index + 1}`;
    const skew = delivery.timestamp ? verifyRun.nowMs - delivery.timestamp.getTime() : undefined;
    if (values.json) {
      output.json({
        ok: true,
        sender: name,
        id: delivery.id ?? null,
        timestamp: delivery.timestamp ? formatTimestamp(delivery.timestamp.getTime(), 'rfc3339') : null,
        skewMs: skew ?? null,
        matchedSecret: { index: matched.index, label: matched.label ?? null },
      });
    } else {
      output.out(`OK: the ${name} delivery verifies`);
      output.out(`  secret:    ${secretName}${secrets.length > 1 ? ` (${matched.index + 1} of ${secrets.length})` : ''}`);
      if (delivery.timestamp && skew !== undefined) {
        const when = skew >= 0 ? `${formatDuration(skew)} before now` : `${formatDuration(-skew)} after now`;
        output.out(`  signed at: ${formatTimestamp(delivery.timestamp.getTime(), 'rfc3339')} (${when}, inside the ${formatDuration(verifyRun.toleranceMs)} window)`);
      }
      if (delivery.id !== undefined) output.out(`  id:        ${delivery.id}`);
    }
    return EXIT_CODES.ok;
  }
  const explanation = await explainFailure(verifyRun, outcome);
  if (values.json) {
    output.json({ ok: false, sender: name, ...explanation });
  } else {
    output.out(`FAILED at the ${explanation.step} step (${explanation.code}): ${explanation.message}`);
    // Indented reasons belong to the step that would fail next; show them as sub-items.
    for (const reason of explanation.reasons) output.out(reason.startsWith('  ') ? `      ${reason.trim()}` : `  - ${reason}`);
    for (const hint of explanation.hints) output.out(`  hint: ${hint}`);
  }
  return EXIT_CODES.failed;
}

/** `hookverify verify`: check a captured delivery and explain a refusal. */
export const verifyCommand: Command = { name: 'verify', summary: 'check a captured delivery and explain why it fails', help: HELP, run };
