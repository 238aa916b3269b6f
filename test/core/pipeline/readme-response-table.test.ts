// The README's response table is the documented contract: it must list every outcome code with
// the status the pipeline really sends.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { RECEIVER_STATUS } from '../../../src/core/pipeline/outcome-codes.js';

it('documents every outcome code with its HTTP status', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('| outcome (`code`) | HTTP | when |'));
  const documented: Record<string, number> = {};
  for (const line of section.split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [codes, status] = line.split('|').slice(1, 3);
    for (const code of codes!.matchAll(/`([a-z_]+)`/g)) documented[code[1]!] = Number(status!.trim());
  }
  expect(documented).toEqual({ ...RECEIVER_STATUS });
});
