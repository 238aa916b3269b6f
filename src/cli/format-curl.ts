/** Quotes a word for POSIX shells: single quotes, with embedded ones closed and escaped. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_\-.,:/@=+%]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What the curl command sends as its body. */
export type CurlBody = { readonly file: string } | { readonly text: string };

/**
 * A ready-to-paste curl command. `--data-binary` sends the bytes untouched (plain `-d` would
 * strip newlines and change what was signed).
 */
export function formatCurl(url: string, headers: Readonly<Record<string, string>>, body: CurlBody): string {
  const lines = [`curl -sS -X POST ${shellQuote(url)}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  lines.push('file' in body ? `  --data-binary ${shellQuote(`@${body.file}`)}` : `  --data-binary ${shellQuote(body.text)}`);
  return lines.join(' \\\n');
}
