// The code blocks of README.md and docs/*.md marked `<!-- tested: <file> -->` are files of
// examples/doc-snippets: each block must equal its file, the files type-check against the built
// package, and the README's quick start runs here. The files import `hookverify` by its own
// name, so they are loaded through a computed path after the build (as custom-senders.test.ts does).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingStream } from '../helpers/counting-stream.js';
import { ensureBuiltPackage } from '../helpers/ensure-built.js';
import { signPeridio, PERIDIO_SECRET, releaseChangedBody } from '../adapters/fixtures.js';

const DOCS = ['README.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const MARKED = /<!-- tested: (\S+) -->\n```ts\n([\s\S]*?)```\n/g;

function markedBlocks(): { doc: string; file: string; code: string }[] {
  return DOCS.flatMap((doc) => [...readFileSync(doc, 'utf8').matchAll(MARKED)].map((match) => ({ doc, file: match[1]!, code: match[2]! })));
}

beforeAll(ensureBuiltPackage, 300_000);

describe('documented code', () => {
  it('the README quick start and the dedupe guide show tested files', () => {
    const files = markedBlocks().map((block) => `${block.doc} -> ${block.file}`);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md -> examples/doc-snippets/readme-quick-start.ts',
        'docs/dedupe.md -> examples/doc-snippets/dedupe-route.ts',
      ]),
    );
    // The quick start is the README's first code block after the commands.
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.indexOf('<!-- tested: examples/doc-snippets/readme-quick-start.ts -->')).toBeLessThan(readme.indexOf('```ts'));
  });

  it.each(markedBlocks().map((block) => [`${block.doc}: ${block.file}`, block] as const))('%s is the file, verbatim', (_name, block) => {
    expect(block.code).toBe(readFileSync(block.file, 'utf8'));
  });

  it('type-checks against the built package, as a user project would', () => {
    const tsc = 'node_modules/typescript/bin/tsc';
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'examples/doc-snippets/tsconfig.json'], { encoding: 'utf8' })).not.toThrow();
  }, 60_000);
});

describe('the README quick start', () => {
  let POST: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    process.env.PERIDIO_WEBHOOK_SECRET = PERIDIO_SECRET;
    const path = new URL('../../examples/doc-snippets/readme-quick-start.ts', import.meta.url).pathname;
    ({ POST } = (await import(/* @vite-ignore */ path)) as { POST: typeof POST });
  });
  const request = (body: BodyInit, headers: Record<string, string>) =>
    new Request('http://127.0.0.1/webhooks/peridio', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('accepts a signed delivery and refuses a forged one', async () => {
    const signed = await signPeridio(releaseChangedBody());
    expect((await POST(request(signed.body, signed.headers))).status).toBe(200);
    const forged = await POST(request((signed.body as string).replace('2.0.0', '6.6.6'), signed.headers));
    expect([forged.status, await forged.json()]).toEqual([401, { error: 'invalid_signature' }]);
  });

  it('answers a 256 MiB chunked forgery 413 after reading about 1 MiB of it, memory staying flat', async () => {
    const { headers } = await signPeridio(releaseChangedBody());
    // Fresh chunks, made as they are pulled, with a turn of the event loop between them (as a
    // socket gives), so the sampler below sees whatever the handler holds.
    const { stream, use } = countingStream({ totalBytes: 256 * 1024 * 1024, chunkBytes: 64 * 1024, pause: true });
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 1);
    try {
      const response = await POST(request(stream, headers));
      expect([response.status, await response.json()]).toEqual([413, { error: 'body_too_large' }]);
    } finally {
      clearInterval(sampler);
    }
    expect(use.cancelled).toBe(true);
    expect(use.bytes).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
    expect(peak - baseline).toBeLessThan(32 * 1024 * 1024);
  });
});
