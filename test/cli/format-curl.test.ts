import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { formatCurl, shellQuote } from '../../src/cli/format-curl.js';

it.each(["it's", 'a b', '$HOME', '`id`', '"q"', 'back\\slash', 'new\nline', 'plain-word_1.0', ''])('shellQuote(%j) survives sh unchanged', (word) => {
  expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' })).toBe(word);
});

it('sends the body with --data-binary, from a file or inline', () => {
  expect(formatCurl('http://h/x', { a: 'b c' }, { file: 'my body.json' })).toBe("curl -sS -X POST http://h/x \\\n  -H 'a: b c' \\\n  --data-binary '@my body.json'");
  expect(formatCurl('http://h/x', {}, { text: '{}' })).toBe("curl -sS -X POST http://h/x \\\n  --data-binary '{}'");
});
