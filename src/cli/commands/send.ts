import { signDelivery } from '../../testing/sign-delivery.js';
import { checkSecrets } from '../check-secrets.js';
import { COMMON_EXIT_HELP, EXIT_CODES, usageError } from '../cli-error.js';
import type { Command } from '../command.js';
import type { Output } from '../output.js';
import { parseCommandArgs, positiveInteger } from '../parse-command-args.js';
import { parseDurationOption } from '../parse-time-option.js';
import { createProgressBar } from '../progress-bar.js';
import { readSecrets, SECRET_HELP, SECRET_OPTIONS } from '../read-secrets.js';
import { resolveSender, SENDER_HELP, SENDER_OPTIONS } from '../resolve-sender.js';
import { runPool } from '../run-pool.js';
import { checkEventNames, sampleEvent, sampleEventNames } from '../sample-body.js';
import { formatSummary, summarize, type DeliveryResult } from '../send-summary.js';

const OPTIONS = {
  ...SECRET_OPTIONS,
  ...SENDER_OPTIONS,
  url: { type: 'string' },
  count: { type: 'string', short: 'n' },
  duplicates: { type: 'boolean' },
  concurrency: { type: 'string', short: 'c' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const HELP = `Usage: hookverify send <sender> <event-type>... --url URL [secret] [options]

Posts freshly signed sample events to a receiving endpoint, the way the sender would, and
prints a summary of the status codes.

  --url URL            where to POST (required)
  -n, --count N        number of events, taking the event types in turn (default: one per
                       type; at most 100000)
  --duplicates         deliver every event twice; the second copy is a sender's retry: the same
                       body and id, signed again at send time. Exercises the endpoint's dedupe
  -c, --concurrency N  requests in flight at once (default 4)
  --timeout DURATION   per request (default 10s, at most 1d)
  -q, --quiet          no progress bar (it is drawn only when stderr is a terminal)
  --json               print the summary as JSON

${SECRET_HELP}

${SENDER_HELP}

Event types: peridio and edgesense take the names of their catalogs (\`hookverify schemas
peridio\` lists them; "all" sends every type); standard-webhooks takes any name.

Exit codes: 0 every answer was 2xx, 1 some answer was not, 2 usage error, 3 unreadable or
undecodable secret, 4 some request got no answer (connection refused, timeout).
${COMMON_EXIT_HELP}

Example:
  hookverify send peridio device.release-changed --url http://127.0.0.1:3000/webhooks \\
    --secret-env PERIDIO_SECRET --count 200 --duplicates --concurrency 8`;

// Every delivery is prepared before the first is sent and its outcome kept for the summary:
// the bound keeps that well inside Node's default heap.
const MAX_COUNT = 100_000;
// Timers take at most 2^32 - 1 ms; a longer --timeout would fire at once.
const MAX_TIMEOUT_MS = 86_400_000;

interface Job {
  readonly event: string;
  readonly body: string;
  readonly id: string | undefined;
  readonly retry: boolean;
}

function randomId(): string {
  return `msg_${crypto.randomUUID().replace(/-/g, '')}`;
}

function checkUrl(value: string | undefined): URL {
  if (value === undefined) throw usageError('--url is required (see hookverify send --help)');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`--url ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError('--url must be http: or https:');
  return url;
}

function describeFetchError(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function run(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs('send', args, OPTIONS);
  const { kind, name, sender } = await resolveSender(positionals[0], values['signature-header']);
  const requested = positionals.slice(1);
  if (requested.length === 0) throw usageError('which event types? e.g. hookverify send peridio device.release-changed --url ...');
  const names = requested.length === 1 && requested[0] === 'all' ? [...(sampleEventNames(kind) ?? [])] : checkEventNames(kind, requested);
  if (names.length === 0) throw usageError(`${name} has no catalog: name the event types to send`);
  const url = checkUrl(values.url);
  const count = positiveInteger(values.count, '--count', names.length, MAX_COUNT);
  const concurrency = positiveInteger(values.concurrency, '--concurrency', 4);
  const timeoutMs = parseDurationOption(values.timeout, '--timeout', '10s');
  if (timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) throw usageError(`--timeout must be more than 0 and at most 1d, got ${JSON.stringify(values.timeout)}`);
  const secrets = readSecrets(values, output);
  checkSecrets(secrets, sender);

  const jobs: Job[] = [];
  for (let i = 0; i < count; i++) {
    const event = names[i % names.length]!;
    const job: Job = { event, body: JSON.stringify(sampleEvent(kind, event)), id: randomId(), retry: false };
    jobs.push(job);
    // Right behind the original, so with concurrency > 1 the two may race as real retries do.
    if (values.duplicates) jobs.push({ ...job, retry: true });
  }

  const results: DeliveryResult[] = new Array(jobs.length);
  const progress = createProgressBar(output.stderr, jobs.length, !values.quiet && jobs.length > 1);
  const started = performance.now();
  await runPool(jobs, concurrency, async (job, index) => {
    // Signed at send time, as a sender signs each attempt (Peridio: a new published-at). The body
    // is a string, so the signed body is that same string.
    const signed = await signDelivery(sender, { secrets, body: job.body, eventType: job.event, ...(job.id === undefined ? {} : { id: job.id }) });
    const begin = performance.now();
    try {
      const response = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body as string, signal: AbortSignal.timeout(timeoutMs) });
      const ok = response.status >= 200 && response.status < 300;
      const answer = ok ? (await response.arrayBuffer(), undefined) : (await response.text()).slice(0, 200);
      results[index] = { retry: job.retry, status: response.status, error: undefined, ms: performance.now() - begin, answer };
      progress.tick(`${job.event} ${response.status}`);
    } catch (error) {
      results[index] = { retry: job.retry, status: undefined, error: describeFetchError(error), ms: performance.now() - begin, answer: undefined };
      progress.tick(`${job.event} error`);
    }
  });
  progress.done();
  const summary = summarize(results, performance.now() - started);

  if (values.json) output.json({ sender: name, url: url.href, concurrency, ...summary });
  else for (const line of formatSummary(summary, url.href)) output.out(line);
  if (summary.statuses['error'] !== undefined) return EXIT_CODES.network;
  return Object.keys(summary.statuses).every((status) => /^2\d\d$/.test(status)) ? EXIT_CODES.ok : EXIT_CODES.failed;
}

/** `hookverify send`: post signed sample events to an endpoint and summarize the answers. */
export const sendCommand: Command = { name: 'send', summary: 'post signed sample events to a URL; summarize the answers', help: HELP, run };
