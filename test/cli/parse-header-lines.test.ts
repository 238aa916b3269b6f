import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { parseHeadersFile, splitRequest, toHeadersInput } from '../../src/cli/parse-header-lines.js';
import { utf8 } from '../../src/core/encoding.js';

describe('parseHeadersFile', () => {
  it('reads raw lines, lower-cases names, keeps repeats, and stops at the first empty line', () => {
    const text = 'POST /hooks HTTP/1.1\r\nHost: x\r\nX-Tag: a\r\nx-tag:  b \r\n\r\nnot: a header\r\n';
    expect(parseHeadersFile(text, 'f')).toEqual({ host: ['x'], 'x-tag': ['a', 'b'] });
    expect(toHeadersInput(parseHeadersFile(text, 'f'))).toEqual({ host: 'x', 'x-tag': ['a', 'b'] });
  });

  it('reads a JSON object of strings or string arrays', () => {
    expect(parseHeadersFile(' {"A": "1", "b": ["2", "3"]}', 'f')).toEqual({ a: ['1'], b: ['2', '3'] });
  });

  it('refuses a line that is not a header, naming the file and line', () => {
    expect(() => parseHeadersFile('a: 1\nnonsense\n', 'h.txt')).toThrow(new CliError('input', 'h.txt, line 2: expected "Name: value", got "nonsense"'));
    expect(() => parseHeadersFile('{"a": 1}', 'h.json')).toThrow('h.json: header "a" must be a string or an array of strings');
  });
});

describe('splitRequest', () => {
  it('keeps the body bytes exactly, CRLF or LF framing', () => {
    const crlf = splitRequest(utf8('a: 1\r\nb: 2\r\n\r\n{"x":1}\r\n'));
    expect(crlf.head).toBe('a: 1\r\nb: 2\r');
    expect(new TextDecoder().decode(crlf.body)).toBe('{"x":1}\r\n');
    const lf = splitRequest(utf8('a: 1\n\n\n{}'));
    expect(new TextDecoder().decode(lf.body)).toBe('\n{}');
  });

  it('a capture without an empty line is all headers', () => {
    expect(splitRequest(utf8('a: 1\n')).body.byteLength).toBe(0);
  });
});
