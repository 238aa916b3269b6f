// The composer's rules, each broken once by a definition that is otherwise fine, and what it
// concludes about the definitions it accepts.
import { describe, expect, it } from 'vitest';
import { ed25519 } from '../../../src/core/scheme/algorithms/ed25519.js';
import { hmac } from '../../../src/core/scheme/algorithms/hmac.js';
import { bytesBody } from '../../../src/core/scheme/bodies/bytes-body.js';
import { textBody } from '../../../src/core/scheme/bodies/text-body.js';
import { composeSender, type SenderParts } from '../../../src/core/scheme/compose-sender.js';
import { hex } from '../../../src/core/scheme/encodings/hex.js';
import { bodyDigest } from '../../../src/core/scheme/ids/body-digest.js';
import { idFrom } from '../../../src/core/scheme/ids/id-from.js';
import { utf8Secret } from '../../../src/core/scheme/keys/utf8-secret.js';
import { whpkPublicKey } from '../../../src/core/scheme/keys/whpk-public-key.js';
import { headerParameters } from '../../../src/core/scheme/signatures/header-parameters.js';
import { signatureField } from '../../../src/core/scheme/signatures/signature-field.js';
import { signatureHeader } from '../../../src/core/scheme/signatures/signature-header.js';
import { body } from '../../../src/core/scheme/sources/body.js';
import { bodyField } from '../../../src/core/scheme/sources/body-field.js';
import { header } from '../../../src/core/scheme/sources/header.js';
import { requestUrl } from '../../../src/core/scheme/sources/request-url.js';
import { signedField } from '../../../src/core/scheme/sources/signed-field.js';
import { unixSeconds } from '../../../src/core/scheme/timestamps/unix-seconds.js';
import type { Algorithm } from '../../../src/core/scheme/types.js';

const time = header('x-time');
const base: SenderParts = {
  name: 'acme',
  signatures: signatureHeader({ header: 'x-sig', encoding: hex }),
  signed: [time, '.', body],
  algorithm: hmac('sha256', utf8Secret),
  timestamp: unixSeconds(time),
};

function refusal(parts: unknown): string {
  try {
    composeSender(parts as SenderParts);
  } catch (error) {
    expect(error).toMatchObject({ name: 'ConfigurationError', code: 'invalid_option' });
    return (error as Error).message;
  }
  throw new Error('composeSender accepted the definition');
}

describe('composeSender: what it concludes', () => {
  it('freezes the parts, turns strings into literals, and says how replays and the body are covered', () => {
    const sender = composeSender({ ...base, id: bodyField('id'), eventType: bodyField('type'), retryHorizon: '1d', tolerance: '10m' });
    expect(Object.isFrozen(sender)).toBe(true);
    expect(sender.signedParts[1]).toMatchObject({ kind: 'literal', text: '.', label: '"."' });
    expect(sender).toMatchObject({
      replayProtection: 'timestamp',
      authenticated: 'body',
      readsBodyFirst: false,
      unsignedIdAllowsReplay: false,
      unsignedEventTypeAllowsRelabeling: false,
      retryHorizon: '1d',
      tolerance: '10m',
      body: { name: 'json' },
    });
    expect(composeSender({ ...base, signed: [body], timestamp: undefined }).replayProtection).toBe('none');
  });

  it('accepts unsigned ids and event types only by name, and records that it did', () => {
    const sender = composeSender({
      ...base,
      id: { source: header('x-delivery'), unsignedAllowsReplay: true },
      eventType: { source: header('x-event'), unsignedAllowsRelabeling: true },
    });
    expect(sender).toMatchObject({ id: { name: 'x-delivery' }, eventType: { name: 'x-event' }, unsignedIdAllowsReplay: true, unsignedEventTypeAllowsRelabeling: true });
    expect(composeSender({ ...base, id: bodyDigest }).id).toBe(bodyDigest);
    expect(composeSender({ ...base, id: idFrom(() => 'x') }).id).toMatchObject({ kind: 'function' });
  });

  it('parses the body first only for signed fields, and says then that only they are vouched for', () => {
    const token = signedField('sig.token');
    const sender = composeSender({ ...base, signatures: signatureField('sig.value', { encoding: hex }), signed: [token], timestamp: undefined, id: token });
    expect(sender).toMatchObject({ readsBodyFirst: true, authenticated: 'body-fields' });
  });
});

describe('composeSender: the rules', () => {
  it.each<[string, unknown, RegExp]>([
    ['no parts', null, /needs the parts/],
    ['no name', { ...base, name: '' }, /non-empty name/],
    ['no signature source', { ...base, signatures: { header: 'x-sig' } }, /signatures must be signatureHeader/],
    ['two algorithms', { ...base, algorithm: [hmac('sha1', utf8Secret), hmac('sha256', utf8Secret)] }, /one algorithm/],
    ['an algorithm that checks unbounded signatures', { ...base, algorithm: { ...hmac('sha256', utf8Secret), maxSignatures: 17 } as Algorithm }, /maxSignatures must be a whole number from 1 to 16/],
    ['nothing signed', { ...base, signed: [] }, /signed must list what is signed/],
    ['the body signed twice', { ...base, signed: [time, body, body] }, /must contain body once/],
    ['no body and no signed field', { ...base, signed: [time] }, /must contain body once, or the signedFields/],
    ['a plain bodyField as a signed piece', { ...base, signed: [bodyField('a'), body] }, /read from the verified payload; a field signed on its own is a signedField/],
    ['the signature header signed', { ...base, signed: [header('x-sig'), body] }, /the x-sig header carries the signatures/],
    ['an unsigned timestamp', { ...base, signed: [body] }, /timestamp: the x-time header is not in the signed content \(signed, or signedContent\), so a replayed delivery could simply change it/],
    ['a timestamp of no source', { ...base, timestamp: { format: 'rfc3339', parse: () => 1 } }, /timestamp must be rfc3339/],
    ['an unsigned id', { ...base, id: header('x-delivery') }, /id: the x-delivery header is not in the signed content.*replay it under new ids.*bodyDigest.*unsignedAllowsReplay: true/],
    ['an opt-in that is not true', { ...base, id: { source: header('x-delivery'), unsignedAllowsReplay: 'yes' } }, /unsignedAllowsReplay must be true/],
    ['an id that is a string', { ...base, id: 'x-delivery' }, /id must be a source/],
    ['a raw function as id', { ...base, id: () => 'x' }, /id must be a source.*idFrom/],
    ['an unsigned event type', { ...base, eventType: header('x-event') }, /eventType: the x-event header is not in the signed content.*labelled as another event.*unsignedAllowsRelabeling: true/],
    ['a body field of a text body', { ...base, id: bodyField('id'), body: textBody }, /"id" field needs a JSON or form body, and this sender's body is "text"/],
    ['a body field of a bytes body as timestamp', { ...base, signed: [body], timestamp: unixSeconds(bodyField('t')), body: bytesBody }, /"t" field needs a JSON or form body/],
    ['a body of no kind', { ...base, body: 'json' }, /body must be jsonBody/],
  ])('refuses %s', (_what, parts, message) => {
    expect(refusal(parts)).toMatch(message);
  });

  it("refuses parameters of a header that is not the sender's signature source", () => {
    const stripeLike = headerParameters({ header: 'stripe-signature', signature: 'v1', encoding: hex });
    expect(refusal({ ...base, signed: [time, stripeLike.parameter('t'), body] })).toMatch(/not read by the sender's signature source/);
  });

  it('takes a field of a signed body as signed, for the timestamp, id and event type', () => {
    expect(() => composeSender({ ...base, signed: [body], timestamp: unixSeconds(bodyField('t')), id: bodyField('id'), eventType: bodyField('type') })).not.toThrow();
    expect(() => composeSender({ ...base, signed: [requestUrl, body], timestamp: undefined })).not.toThrow();
  });

  it('holds public-key senders to the same rules', () => {
    expect(refusal({ ...base, algorithm: ed25519(whpkPublicKey), signed: [body] })).toMatch(/timestamp: the x-time header is not in the signed content/);
  });
});
