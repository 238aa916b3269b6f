import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8 } from '../../../src/core/encoding.js';
import { bodyVariants, MAX_INDENTED_LENGTH, MAX_RESERIALIZED_DEPTH } from '../../../src/cli/explain/body-variants.js';

const names = (body: string) => bodyVariants(utf8(body)).variants.map((variant) => variant.name);
const texts = (body: string) => bodyVariants(utf8(body)).variants.map((variant) => decodeUtf8(variant.bytes));

describe('bodyVariants', () => {
  it('a compact JSON body: a final newline added, the indented forms, never itself', () => {
    const body = '{"a":[1,2],"b":"x"}';
    expect(texts(body)).toEqual([`${body}\n`, JSON.stringify(JSON.parse(body), null, 2), JSON.stringify(JSON.parse(body), null, 4), JSON.stringify(JSON.parse(body), null, '\t')]);
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
    expect(texts('a\r\nb')).toEqual(['a\r\nb\r\n', 'a\nb']);
    expect(texts('a\nb')).toEqual(['a\nb\n', 'a\r\nb']);
    const pretty = JSON.stringify({ a: 1 }, null, 2);
    // Its 2-space form is itself and is not offered again.
    expect(names(pretty)).not.toContain('the body as JSON indented with 2 spaces');
  });

  it('an empty body has no variants', () => {
    expect(bodyVariants(new Uint8Array(0)).variants).toEqual([]);
  });

  it('JSON nested past MAX_RESERIALIZED_DEPTH: its depth, the line-end variants, no JSON ones and no stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { shape, variants } = bodyVariants(utf8(deep));
    expect(shape).toMatchObject({ json: true, nestingDepth: 100_000, jsonForms: 'none', differsFromCompact: false, compactBytes: undefined });
    expect(variants.map((variant) => variant.kind)).toEqual(['line-ends']);
    const edge = `${'['.repeat(MAX_RESERIALIZED_DEPTH)}${']'.repeat(MAX_RESERIALIZED_DEPTH)}`;
    expect(bodyVariants(utf8(edge)).variants.filter((variant) => variant.kind === 'json')).toHaveLength(3);
  });

  it('JSON whose indented forms would pass MAX_INDENTED_LENGTH: the compact form only', () => {
    // A 1 MB body: 500,000 one-digit elements 17 levels down, each indented by 68 spaces.
    const wide = `${'{"a": '.repeat(16)}[${'1,'.repeat(500_000)}1]${'}'.repeat(16)}`;
    const { shape, variants } = bodyVariants(utf8(wide));
    expect(shape).toMatchObject({ jsonForms: 'compact', nestingDepth: 17 });
    expect(variants.map((variant) => variant.name)).toEqual(['the body with a final newline added', 'the compact JSON form of the body (what JSON.stringify(JSON.parse(body)) gives)']);
    expect(JSON.stringify(JSON.parse(wide), null, 4).length).toBeGreaterThan(MAX_INDENTED_LENGTH);
  });

  it('bytes that are not UTF-8 have no variants', () => {
    const result = bodyVariants(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(result.variants).toEqual([]);
    expect(result.shape).toMatchObject({ utf8: false, json: false });
  });
});
