// The README's verification table is what users read before choosing a receiver: a sender
// without a signed timestamp must be marked replayable there, as its verifier's results are,
// and a sender that dedupes on a body digest must say so.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { entries } from '../../scripts/entries.mjs';
import type { Sender } from '../../src/core/sender.js';

function rows(): { entry: string; replayWindow: string; dedupeId: string }[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('| sender | entry | signature | signed bytes | key | replay window | dedupe id |'));
  const found = [];
  for (const line of section.split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const entry = /^`hookverify\/([a-z/-]+)`$/.exec(cells[1]!)?.[1];
    if (entry) found.push({ entry, replayWindow: cells[5]!, dedupeId: cells[6]! });
  }
  return found;
}

/** The senders an entry exports (Standard Webhooks: v1 and v1a), which its one row describes. */
async function sendersOf(entry: string): Promise<Sender[]> {
  const module = (await import(`../../${entries[`./${entry}`]}`)) as Record<string, unknown>;
  const senders = Object.values(module).filter((value): value is Sender => typeof (value as Sender | null)?.replayProtection === 'string');
  expect(senders.length, entry).toBeGreaterThan(0);
  return senders;
}

it('has a row for every sender entry', () => {
  const senderEntries = Object.entries(entries)
    .filter(([, file]) => /^src\/senders\/[a-z-]+\/index\.ts$/.test(file))
    .map(([subpath]) => subpath.slice(2));
  expect(rows().map((row) => row.entry).sort()).toEqual(senderEntries.sort());
});

it('marks as replayable exactly the senders without a signed timestamp, and names the body digest where it is the id', async () => {
  const table = rows();
  expect(table.length).toBeGreaterThan(0);
  for (const row of table) {
    const senders = await sendersOf(row.entry);
    for (const sender of senders) {
      expect(/replayable/.test(row.replayWindow), sender.name).toBe(sender.replayProtection === 'none');
    }
    // One row per entry: where its senders dedupe differently (Slack's events and its
    // slash-command forms), the cell names both ids; otherwise it names exactly the one.
    const digests = senders.filter((sender) => sender.id?.kind === 'body-digest').length;
    if (digests === senders.length) expect(row.dedupeId, row.entry).toBe('SHA-256 of the raw body');
    else if (digests === 0) expect(row.dedupeId, row.entry).not.toContain('SHA-256 of the raw body');
    else expect(row.dedupeId, row.entry).toMatch(/^(?!SHA-256 of the raw body$).*SHA-256 of the raw body/);
  }
});
