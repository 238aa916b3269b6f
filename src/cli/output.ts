/** Where a command writes: results to stdout, diagnostics to stderr, every secret masked. */
export interface Output {
  /** A line (or block) of the result, on stdout. */
  out(text: string): void;
  /** A diagnostic line on stderr. */
  err(text: string): void;
  /** A JSON result on stdout. */
  json(value: unknown): void;
  /** Never print these strings, wherever they show up. */
  addSecret(secret: string): void;
  readonly stderrIsTty: boolean;
  /** Raw stderr, for the progress bar. */
  readonly stderr: NodeJS.WriteStream;
}

const REDACTED = '[redacted]';

/**
 * Secrets never reach an output stream: every write is filtered through the known secrets, a
 * last line of defence behind code that already never formats them.
 */
export function createOutput(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Output {
  const secrets: string[] = [];
  const mask = (text: string): string => {
    let masked = text;
    for (const secret of secrets) masked = masked.split(secret).join(REDACTED);
    return masked;
  };
  return {
    out: (text) => void stdout.write(`${mask(text)}\n`),
    err: (text) => void stderr.write(`${mask(text)}\n`),
    json: (value) => void stdout.write(`${mask(JSON.stringify(value, null, 2))}\n`),
    addSecret(secret) {
      // Masking a very short secret would garble ordinary words (a secret "test" in "webhook.test-fire").
      if (secret.length >= 8 && !secrets.includes(secret)) secrets.push(secret);
    },
    stderrIsTty: Boolean(stderr.isTTY),
    stderr,
  };
}
