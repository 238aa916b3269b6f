import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8 } from '../../../src/core/encoding.js';
import { bodyVariants } from '../../../src/cli/explain/body-variants.js';

const names = (body: string) => bodyVariants(utf8(body)).variants.map((variant) => variant.name);
const texts = (body: string) => bodyVariants(utf8(body)).variants.map((variant) => decodeUtf8(variant.bytes));

describe('bodyVariants', () => {
  it('a compact JSON body: only the indented forms, never itself', () => {
    const body = '{"a":[1,2],"b":"x"}';
    expect(texts(body)).toEqual([JSON.stringify(JSON.parse(body), null, 2), JSON.stringify(JSON.parse(body), null, 4), JSON.stringify(JSON.parse(body), null, '\t')]);
    expect(bodyVariants(utf8(body)).shape).toMatchObject({ json: true, differsFromCompact: false, firstDifference: undefined });
  });

  it('smallest edits come first: a final newline before the compact form', () => {
    const body = '{ "a": 1 }\n';
    expect(names(body).slice(0, 3)).toEqual([
      'the body without its final newline',
      'the body with its LF line ends turned into CRLF',
      'the compact JSON form of the body (what JSON.stringify(JSON.parse(body)) gives)',
    ]);
    expect(bodyVariants(utf8(body)).shape).toMatchObject({ differsFromCompact: true, compactBytes: 7, firstDifference: 1, endsWithNewline: true });
  });

  it('CRLF bodies get an LF variant and LF bodies a CRLF one; duplicates are dropped', () => {
    expect(texts('a\r\nb')).toEqual(['a\nb']);
    expect(texts('a\nb')).toEqual(['a\r\nb']);
    const pretty = JSON.stringify({ a: 1 }, null, 2);
    // Its 2-space form is itself and is not offered again.
    expect(names(pretty)).not.toContain('the body as JSON indented with 2 spaces');
  });

  it('bytes that are not UTF-8 have no variants', () => {
    const result = bodyVariants(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(result.variants).toEqual([]);
    expect(result.shape).toMatchObject({ utf8: false, json: false });
  });
});
