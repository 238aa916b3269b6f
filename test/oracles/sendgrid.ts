// SendGrid (Twilio) Event Webhook: `X-Twilio-Email-Event-Webhook-Signature: <base64 DER ECDSA>`
// over `<X-Twilio-Email-Event-Webhook-Timestamp><body>`, ECDSA P-256 with SHA-256, verified with
// the public key SendGrid shows (base64 of the DER SubjectPublicKeyInfo, no PEM armour).
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { accepts, bodyByte, concat, headerByte, installed, post, text, utf8, type KeyPair, type Oracle } from './oracle.js';

function keys(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    signingKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    verifyingKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

const webhook = new EventWebhook();

// The single-event case of the SDK's own test suite: the trailing CRLF is part of what was signed.
const SUITE_BODY =
  '[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]\r\n';

export const sendgridOracle: Oracle = {
  name: 'sendgrid',
  sdk: installed('@sendgrid/eventwebhook'),
  example: {
    id: 'unused',
    url: 'https://receiver.example/webhooks/sendgrid',
    body: utf8('[{"email":"example@test.com","timestamp":1513299569,"event":"processed","sg_event_id":"sg_event_id","category":"café ✓"}]\r\n'),
  },
  keys,
  reference: {
    sign: (input) => {
      const key = createPrivateKey({ key: Buffer.from(input.key, 'base64'), format: 'der', type: 'pkcs8' });
      const signature = sign('sha256', concat(String(input.timestamp), input.body), { key, dsaEncoding: 'der' });
      return post(input, {
        'x-twilio-email-event-webhook-timestamp': String(input.timestamp),
        'x-twilio-email-event-webhook-signature': signature.toString('base64'),
      });
    },
  },
  verify: (delivery, publicKey) =>
    accepts(() =>
      webhook.verifySignature(
        webhook.convertPublicKeyToECDSA(publicKey),
        text(delivery.body),
        delivery.headers['x-twilio-email-event-webhook-signature'] ?? '',
        delivery.headers['x-twilio-email-event-webhook-timestamp'] ?? '',
      ),
    ),
  replayWindow: { past: null, future: null },
  tampers: [bodyByte(), headerByte('x-twilio-email-event-webhook-timestamp')],
  vectors: [
    {
      source: `${installed('@sendgrid/eventwebhook')} src/eventwebhook.spec.js, "should verify a valid single event signature"`,
      // The private key is SendGrid's; any key lets the reference build the request around the
      // published signature.
      input: { key: keys().signingKey, body: utf8(SUITE_BODY), timestamp: 1600112502, id: 'unused', url: 'https://receiver.example/webhooks/sendgrid' },
      header: 'x-twilio-email-event-webhook-signature',
      value: 'MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=',
      verifyingKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==',
      reproducible: false,
    },
  ],
};
