// Shopify: `X-Shopify-Hmac-Sha256: <base64>` over the raw body, keyed with the app's API secret
// key (UTF-8). Nothing else is signed: topic, shop, webhook id and triggered-at are plain headers.
import '@shopify/shopify-api/adapters/web-api';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { getHmac } from '@shopify/shopify-api/test-helpers';
import { accepts, bodyByte, hmac, installed, randomSecret, post, sameKey, text, utf8, type Oracle, type SignInput, type SignedRequest } from './oracle.js';

function request(input: SignInput, signature: string): SignedRequest {
  return post(input, {
    'x-shopify-hmac-sha256': signature,
    // The SDK reports these missing (and the delivery invalid) when any is absent.
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'hookverify-oracle.myshopify.com',
    'x-shopify-api-version': ApiVersion.July25,
    'x-shopify-webhook-id': input.id,
    'x-shopify-triggered-at': new Date(input.timestamp * 1000).toISOString(),
    'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
  });
}

export const shopifyOracle: Oracle = {
  name: 'shopify',
  sdk: installed('@shopify/shopify-api'),
  example: {
    id: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    url: 'https://receiver.example/webhooks/shopify',
    body: utf8('{"id":820982911946154508,"email":"jon@example.com","note":"café ✓"}'),
  },
  keys: () => sameKey(randomSecret('shpss_', 16)),
  reference: { sign: (input) => request(input, hmac('sha256', input.key, [input.body], 'base64')) },
  sign: async (input) => request(input, getHmac(text(input.body), input.key)),
  verify: async (delivery, secret) => {
    const shopify = shopifyApi({
      apiKey: 'hookverify-oracle',
      apiSecretKey: secret,
      hostName: 'receiver.example',
      apiVersion: ApiVersion.July25,
      isEmbeddedApp: false,
      logger: { level: LogSeverity.Error, log: async () => {} },
      _logDisabledFutureFlags: false,
    });
    const rawRequest = new Request(delivery.url, { method: delivery.method, headers: delivery.headers, body: Buffer.from(delivery.body) });
    return accepts(async () => (await shopify.webhooks.validate({ rawBody: text(delivery.body), rawRequest })).valid);
  },
  tampers: [bodyByte()],
  vectors: [],
};
