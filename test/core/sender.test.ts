import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import type { SignedPart } from '../../src/core/scheme/types.js';
import { defineSender, type SenderDefinition } from '../../src/core/sender.js';

const base: SenderDefinition = {
  name: 'acme',
  signature: { header: 'X-Acme-Signature', encoding: 'hex', prefix: 'sha256=' },
  signedContent: '{X-Acme-Delivery}.{X-Acme-Timestamp}.{body}',
  secretEncoding: 'utf8',
  timestamp: { header: 'X-Acme-Timestamp', format: 'unix-seconds' },
  id: { header: 'X-Acme-Delivery' },
};

/** The pieces as data, without the functions a verifier calls. */
const pieces = (parts: readonly SignedPart[]) =>
  parts.map((part) => (part.kind === 'header' ? { kind: 'header', name: part.name } : part.kind === 'literal' ? { kind: 'literal', text: part.text } : { kind: part.kind }));

function configError(definition: unknown): ConfigurationError {
  try {
    defineSender(definition as SenderDefinition);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).code).toBe('invalid_option');
    return error as ConfigurationError;
  }
  throw new Error('defineSender accepted an invalid definition');
}

describe('defineSender', () => {
  it('lower-cases header names, splits the template and freezes the result', () => {
    const sender = defineSender(base);
    expect(sender.signature).toMatchObject({ kind: 'header', header: 'x-acme-signature', prefix: 'sha256=', encoding: { name: 'hex' } });
    expect(sender.timestamp).toMatchObject({ format: 'unix-seconds', source: { kind: 'header', name: 'x-acme-timestamp' } });
    expect(sender.id).toMatchObject({ kind: 'header', name: 'x-acme-delivery' });
    expect(sender.algorithm).toMatchObject({ kind: 'hmac', hash: 'sha256', key: { encoding: 'utf8' } });
    expect(pieces(sender.signedParts)).toEqual([
      { kind: 'header', name: 'x-acme-delivery' },
      { kind: 'literal', text: '.' },
      { kind: 'header', name: 'x-acme-timestamp' },
      { kind: 'literal', text: '.' },
      { kind: 'body' },
    ]);
    expect(Object.isFrozen(sender)).toBe(true);
    expect(Object.isFrozen(sender.signature)).toBe(true);
    expect(() => {
      (sender as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('parses templates with literals around the body and several headers', () => {
    const sender = defineSender({ ...base, signedContent: 'v0:{x-acme-timestamp}:{x-acme-delivery}:{body}!', id: undefined });
    expect(pieces(sender.signedParts)).toEqual([
      { kind: 'literal', text: 'v0:' },
      { kind: 'header', name: 'x-acme-timestamp' },
      { kind: 'literal', text: ':' },
      { kind: 'header', name: 'x-acme-delivery' },
      { kind: 'literal', text: ':' },
      { kind: 'body' },
      { kind: 'literal', text: '!' },
    ]);
    expect(pieces(defineSender({ ...base, signedContent: '}{body}', timestamp: undefined, id: undefined }).signedParts)[0]).toEqual({ kind: 'literal', text: '}' });
  });

  it.each([
    ['no {body}', '{x-acme-timestamp}.'],
    ['{body} twice', '{x-acme-timestamp}{body}{body}'],
    ['an unclosed brace', '{x-acme-timestamp}.{body'],
    ['an empty placeholder', '{}{x-acme-timestamp}{body}'],
    ['a placeholder that is not a header name', '{x acme}{x-acme-timestamp}{body}'],
    ['an empty template', ''],
  ])('refuses a template with %s', (_what, signedContent) => {
    expect(configError({ ...base, signedContent }).message).toMatch(/signedContent/);
  });

  it('refuses a timestamp header that is not signed, since a replayer could rewrite it', () => {
    const error = configError({ ...base, signedContent: '{x-acme-delivery}{body}' });
    expect(error.message).toMatch(/x-acme-timestamp.*signedContent/);
    expect(() =>
      defineSender({ ...base, signedContent: '{x-acme-delivery}{body}', timestamp: { bodyField: 'created_at', format: 'rfc3339' } }),
    ).not.toThrow();
  });

  // Issue #11, item 1: an unsigned id header let a captured delivery be replayed under new ids.
  it('refuses an id header that is not signed, unless the definition accepts replays by name', () => {
    const unsigned = { ...base, signedContent: '{x-acme-timestamp}.{body}' };
    const error = configError(unsigned);
    expect(error.message).toMatch(/id: the x-acme-delivery header is not in the signed content \(signed, or signedContent\)/);
    expect(error.message).toMatch(/replay/);
    expect(error.message).toContain('dedupe on bodyDigest');
    expect(error.message).toContain('unsignedAllowsReplay: true');
    const accepted = defineSender({ ...unsigned, id: { header: 'X-Acme-Delivery', unsignedAllowsReplay: true } });
    expect(accepted).toMatchObject({ id: { kind: 'header', name: 'x-acme-delivery' }, unsignedIdAllowsReplay: true });
    expect(Object.isFrozen(accepted.id)).toBe(true);
    expect(defineSender(base).unsignedIdAllowsReplay).toBe(false);
    // The GitHub shape: nothing but the body is signed.
    configError({ ...unsigned, signedContent: '{body}', timestamp: undefined, id: { header: 'x-github-delivery' } });
    for (const notTrue of [false, 'yes', 1]) {
      expect(configError({ ...unsigned, id: { header: 'x-acme-delivery', unsignedAllowsReplay: notTrue } }).message).toMatch(/unsignedAllowsReplay must be true/);
    }
  });

  it('reads the event type from a signed header, a body field, or an unsigned header accepted by name', () => {
    const signedType = defineSender({ ...base, signedContent: '{x-acme-event}.{x-acme-delivery}.{x-acme-timestamp}.{body}', eventType: { header: 'X-Acme-Event' } });
    expect(signedType).toMatchObject({ eventType: { kind: 'header', name: 'x-acme-event' }, unsignedEventTypeAllowsRelabeling: false });
    expect(defineSender({ ...base, eventType: { bodyField: 'type' } }).eventType).toMatchObject({ kind: 'body-field', path: 'type' });
    const error = configError({ ...base, eventType: { header: 'x-acme-event' } });
    expect(error.message).toMatch(/eventType: the x-acme-event header is not in the signed content/);
    expect(error.message).toContain('unsignedAllowsRelabeling: true');
    expect(defineSender({ ...base, eventType: { header: 'x-acme-event', unsignedAllowsRelabeling: true } })).toMatchObject({
      eventType: { kind: 'header', name: 'x-acme-event' },
      unsignedEventTypeAllowsRelabeling: true,
    });
    for (const bad of [null, 'x-acme-event', {}, { header: 'x acme' }, { bodyField: '' }, { header: 'x-acme-event', unsignedAllowsRelabeling: 'yes' }]) {
      configError({ ...base, eventType: bad });
    }
  });

  it('takes a body kind, and refuses body fields unless the body is JSON', () => {
    for (const body of ['json', 'form', 'text', 'bytes'] as const) expect(defineSender({ ...base, body }).body.name).toBe(body);
    expect(configError({ ...base, body: 'xml' }).message).toMatch(/body must be/);
    expect(configError({ ...base, body: 'text', id: { bodyField: 'id' } }).message).toMatch(/"id" field needs a JSON or form body, and this sender's body is "text"/);
    expect(configError({ ...base, body: 'bytes', eventType: { bodyField: 'type' } }).message).toMatch(/"type" field needs a JSON or form body/);
    const bodyTime = { ...base, body: 'text', timestamp: { bodyField: 'at', format: 'rfc3339' } };
    expect(configError(bodyTime).message).toMatch(/"at" field needs a JSON or form body/);
    expect(defineSender({ ...base, body: 'json', id: { bodyField: 'id' } }).id).toMatchObject({ kind: 'body-field', path: 'id' });
    expect(defineSender({ ...base, body: 'form', id: { bodyField: 'id' } }).id).toMatchObject({ kind: 'body-field', path: 'id' });
  });

  it.each<[string, unknown]>([
    ['no object', null],
    ['an empty name', { ...base, name: '' }],
    ['no signature', { ...base, signature: undefined }],
    ['an unknown signature encoding', { ...base, signature: { ...base.signature, encoding: 'base32' } }],
    ['a signature header that is not a header name', { ...base, signature: { ...base.signature, header: 'x sig' } }],
    ['a signature header that is not a string', { ...base, signature: { ...base.signature, header: 42 } }],
    ['an empty separator', { ...base, signature: { ...base.signature, separator: '' } }],
    ['a prefix that contains the separator', { ...base, signature: { ...base.signature, prefix: 'v1,', separator: ',' } }],
    ['a prefix that is not a string', { ...base, signature: { ...base.signature, prefix: 1 } }],
    ['an unknown secret encoding', { ...base, secretEncoding: 'latin1' }],
    ['a template that is not a string', { ...base, signedContent: undefined }],
    ['an unknown timestamp format', { ...base, timestamp: { header: 'x-acme-timestamp', format: 'iso' } }],
    ['a timestamp with neither header nor bodyField', { ...base, timestamp: { format: 'rfc3339' } }],
    ['a timestamp header that is not a string', { ...base, timestamp: { header: 5, format: 'unix-seconds' } }],
    ['an empty timestamp bodyField', { ...base, signedContent: '{body}', timestamp: { bodyField: '', format: 'rfc3339' } }],
    ['an id bodyField that is not a string', { ...base, id: { bodyField: 3 } }],
    ['an id header that is not a header name', { ...base, id: { header: 'x:y' } }],
    ['an id that is a string', { ...base, id: 'x-acme-delivery' }],
  ])('refuses %s with a ConfigurationError', (_what, definition) => {
    configError(definition);
  });

  it('accepts a function id and a body digest id', () => {
    const byFunction = defineSender({ ...base, id: ({ payload }) => String((payload as { id: string }).id) });
    expect(byFunction.id).toMatchObject({ kind: 'function' });
    expect(defineSender({ ...base, id: { bodyDigest: 'sha256' } }).id).toMatchObject({ kind: 'body-digest' });
    configError({ ...base, id: { bodyDigest: 'md5' } });
  });

  it('says whether the sender is replayable, from its timestamp', () => {
    expect(defineSender(base).replayProtection).toBe('timestamp');
    expect(defineSender({ ...base, timestamp: undefined }).replayProtection).toBe('none');
  });

  it('takes a composed sender spread with some fields replaced, in either form', () => {
    const sender = defineSender(base);
    const renamed = defineSender({ ...sender, name: 'acme-2' });
    expect(renamed).toMatchObject({ name: 'acme-2', signature: sender.signature, algorithm: sender.algorithm, id: sender.id });
    // An edited copy of a part is rebuilt from its data, so that it does what it says.
    const edited = defineSender({ ...sender, signature: { ...sender.signature, prefix: 'v2=' } });
    expect(edited.signature).toMatchObject({ kind: 'header', prefix: 'v2=' });
    expect(edited.signature.label).toBe(sender.signature.label);
    configError({ ...sender, signature: { ...sender.signature, separator: '' } });
    expect(pieces(defineSender({ ...sender, signedContent: '{x-acme-delivery}{x-acme-timestamp}:{body}' }).signedParts)[2]).toEqual({ kind: 'literal', text: ':' });
    expect(defineSender({ ...sender, secretEncoding: 'hex' }).algorithm.key.encoding).toBe('hex');
    // Description forms of the other fields, over a composed sender.
    expect(defineSender({ ...sender, id: { bodyField: 'event.id' } }).id).toMatchObject({ kind: 'body-field', path: 'event.id' });
    configError({ ...sender, timestamp: { header: 'x-acme-timestamp', format: 'iso' } });
  });
});
