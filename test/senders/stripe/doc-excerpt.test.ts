// docs/senders.md opens with "how Stripe is verified, in full": that block must be the sender's
// own source, not a paraphrase that could drift from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('docs/senders.md', () => {
  it("shows src/senders/stripe/sender.ts's definition verbatim", () => {
    const doc = readFileSync('docs/senders.md', 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(doc)![1]!;
    const source = readFileSync('src/senders/stripe/sender.ts', 'utf8').replace(/\/\* @__PURE__ \*\/ /g, '');
    expect(block).toContain('assembleSender');
    for (const line of block.split('\n').filter(Boolean)) expect(source, line).toContain(line);
    expect(source).toContain(block.trim().split('\n\n')[1]!);
  });
});
