// Parameters of one header, shown with Paddle's shape (`ts=…;h1=…`) against its SDK (the oracle).
import { describe, expect, it } from 'vitest';
import { hmac } from '../../../../src/core/scheme/algorithms/hmac.js';
import { composeSender } from '../../../../src/core/scheme/compose-sender.js';
import { base64 } from '../../../../src/core/scheme/encodings/base64.js';
import { hex } from '../../../../src/core/scheme/encodings/hex.js';
import { utf8Secret } from '../../../../src/core/scheme/keys/utf8-secret.js';
import { headerParameters, type HeaderParametersOptions } from '../../../../src/core/scheme/signatures/header-parameters.js';
import { body } from '../../../../src/core/scheme/sources/body.js';
import { bodyField } from '../../../../src/core/scheme/sources/body-field.js';
import { header } from '../../../../src/core/scheme/sources/header.js';
import { unixSeconds } from '../../../../src/core/scheme/timestamps/unix-seconds.js';
import { createVerifier } from '../../../../src/core/verifier.js';
import { signDelivery } from '../../../../src/testing/index.js';
import { paddleOracle } from '../../../oracles/paddle.js';

const signature = headerParameters({ header: 'Paddle-Signature', signature: 'h1', encoding: hex, pairSeparator: ';' });
const ts = signature.parameter('ts');
// Paddle's SDK allows 5 seconds of lag.
const paddle = composeSender({
  name: 'paddle',
  signatures: signature,
  signed: [ts, ':', body],
  algorithm: hmac('sha256', utf8Secret),
  timestamp: unixSeconds(ts),
  id: bodyField('event_id'),
  tolerance: '5s',
});
const KEY = 'pdl_ntfset_01hv8x2ab_secret';

describe('headerParameters', () => {
  it('describes the header and its parameters as data', () => {
    expect(signature).toMatchObject({ kind: 'header-parameters', header: 'paddle-signature', signatureParameter: 'h1', pairSeparator: ';', kvSeparator: '=' });
    expect(ts).toMatchObject({ kind: 'parameter', header: 'paddle-signature', name: 'ts', key: 'parameter:paddle-signature:ts', of: signature });
    expect(signature.parameter('ts').key).toBe(ts.key);
  });

  it('verifies what the Paddle reference signs, and Paddle accepts what the test signer signs', async () => {
    const request = paddleOracle.reference.sign({ ...paddleOracle.example, key: KEY, timestamp: Math.floor(Date.now() / 1000) });
    await expect(createVerifier(paddle, { secret: KEY }).verify({ body: request.body, headers: request.headers })).resolves.toMatchObject({
      id: 'evt_01hv8x2acma2gz6he7m1yy7a5n',
    });
    const signed = await signDelivery(paddle, { secret: KEY, body: new TextDecoder().decode(paddleOracle.example.body) });
    expect(signed.headers['paddle-signature']).toMatch(/^ts=\d+;h1=[0-9a-f]{64}$/);
    const asRequest = { method: 'POST', url: paddleOracle.example.url, headers: signed.headers, body: new TextEncoder().encode(signed.body as string) };
    await expect(paddleOracle.verify!(asRequest, KEY)).resolves.toBe(true);
  });

  it('splits at the first key-value separator, so base64 values keep their padding', async () => {
    const b64 = headerParameters({ header: 'x-sig', signature: 's', encoding: base64 });
    const sender = composeSender({ name: 'b64', signatures: b64, signed: [b64.parameter('n'), body], algorithm: hmac('sha256', utf8Secret) });
    const signed = await signDelivery(sender, { secret: 'k', body: '{}', headers: {} }).catch((error: unknown) => error);
    // The signer has no value for n: the caller's parameter cannot be guessed.
    expect(signed).toMatchObject({ code: 'invalid_option' });
    const { createHmac } = await import('node:crypto');
    const value = `n=abc,s=${createHmac('sha256', 'k').update('abc{}').digest('base64')}`;
    expect(value.endsWith('=')).toBe(true);
    await expect(createVerifier(sender, { secret: 'k' }).verify({ body: '{}', headers: { 'x-sig': value } })).resolves.toBeDefined();
  });

  it.each<[string, unknown]>([
    ['no options', null],
    ['no signature name', { header: 'x', encoding: hex }],
    ['the same separators', { header: 'x', signature: 'v1', encoding: hex, pairSeparator: '=', kvSeparator: '=' }],
    ['a signature name with a separator', { header: 'x', signature: 'v,1', encoding: hex }],
    ['a string encoding', { header: 'x', signature: 'v1', encoding: 'hex' }],
  ])('refuses %s', (_what, options) => {
    expect(() => headerParameters(options as HeaderParametersOptions)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });

  it('refuses to read the signature parameter, or a name with a separator, as a parameter', () => {
    expect(() => signature.parameter('h1')).toThrow(/no parameter "h1"/);
    expect(() => signature.parameter('a;b')).toThrow(/no parameter/);
    expect(() => signature.parameter('')).toThrow(/no parameter/);
  });

  it("is the sender's signature source whenever its parameters are read", () => {
    const other = headerParameters({ header: 'x-other', signature: 'v1', encoding: hex });
    expect(() =>
      composeSender({ name: 'mixed', signatures: signature, signed: [other.parameter('t'), body], algorithm: hmac('sha256', utf8Secret) }),
    ).toThrow(/is not read by the sender's signature source/);
    expect(() => composeSender({ name: 'whole', signatures: signature, signed: [header('paddle-signature'), body], algorithm: hmac('sha256', utf8Secret) })).toThrow(
      /carries the signatures, so it cannot be signed itself/,
    );
  });
});
